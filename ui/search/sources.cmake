# Search across the school: the search field above the pages, its results and how they are drawn.
target_sources(waymark_ui PRIVATE
    search/searchresultsmodel.h search/searchresultsmodel.cpp
    search/searchresultdelegate.h search/searchresultdelegate.cpp
    search/recordsearch.h search/recordsearch.cpp)
