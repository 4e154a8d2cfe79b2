target_sources(waymark_core PRIVATE
    text/englishplurals.h text/englishplurals.cpp
    text/searchkey.h text/searchkey.cpp)
target_sources(waymark_core PRIVATE text/placeholders.h text/placeholders.cpp)
