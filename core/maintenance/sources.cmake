target_sources(waymark_core PRIVATE
    maintenance/maintenance.h
    maintenance/readonlyvisit.cpp
    maintenance/check.cpp
    maintenance/statistics.cpp
    maintenance/backup.cpp)
