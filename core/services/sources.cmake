target_sources(waymark_core PRIVATE
    services/schoolsession.h services/schoolsession.cpp
    services/schoolsetup.h services/schoolsetup.cpp
    services/pupilsetup.h services/pupilsetup.cpp
    services/groupsetup.h services/groupsetup.cpp
    services/rosterimport.h services/rosterimport.cpp)
