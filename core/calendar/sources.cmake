target_sources(waymark_core PRIVATE
    calendar/schoolcalendar.h calendar/schoolcalendar.cpp
    calendar/reviewschedule.h calendar/reviewschedule.cpp
    calendar/typeddate.h calendar/typeddate.cpp
    domain/upn.h domain/upn.cpp)
