target_sources(waymark_core PRIVATE
    exchange/csvtable.h exchange/csvtable.cpp
    exchange/rostercolumns.h exchange/rostercolumns.cpp
    exchange/roster.h exchange/roster.cpp
    exchange/csvexport.h exchange/csvexport.cpp
    exchange/ctfreader.h exchange/ctfreader.cpp)
