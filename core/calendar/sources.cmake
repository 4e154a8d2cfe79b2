target_sources(waymark_core PRIVATE
    calendar/schoolcalendar.h calendar/schoolcalendar.cpp
    calendar/reviewschedule.h calendar/reviewschedule.cpp
    domain/upn.h domain/upn.cpp)
