target_sources(waymark_core PRIVATE
    services/schoolsession.h services/schoolsession.cpp)
