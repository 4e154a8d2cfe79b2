target_sources(waymark_core PRIVATE
    exchange/csvtable.h exchange/csvtable.cpp)
