# waymark_embed_text(<input> <output> <variable>): writes <output> as a C++ raw string literal named
# <variable> holding the text of <input>, so SQL lives in .sql files yet ships inside the binary.
function(waymark_embed_text input output variable)
    add_custom_command(
        OUTPUT "${output}"
        COMMAND "${CMAKE_COMMAND}" -DINPUT=${input} -DOUTPUT=${output} -DVARIABLE=${variable}
                -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedTextScript.cmake"
        DEPENDS "${input}" "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EmbedTextScript.cmake"
        COMMENT "Embedding ${input}"
        VERBATIM)
endfunction()
