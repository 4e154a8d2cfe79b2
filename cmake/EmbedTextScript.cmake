file(READ "${INPUT}" content)
file(WRITE "${OUTPUT}" "const char* const ${VARIABLE} = R\"waymark_sql(${content})waymark_sql\";\n")
