target_sources(waymark_core PRIVATE
    exchange/csvtable.h exchange/csvtable.cpp
    exchange/rostercolumns.h exchange/rostercolumns.cpp
    exchange/roster.h exchange/roster.cpp
    exchange/csvexport.h exchange/csvexport.cpp
    exchange/rosterfiles.h exchange/rosterfiles.cpp
    exchange/sdsreader.h exchange/sdsreader.cpp
    exchange/onerosterreader.h exchange/onerosterreader.cpp)
