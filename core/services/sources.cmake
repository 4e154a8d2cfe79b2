target_sources(waymark_core PRIVATE
    services/schoolsession.h services/schoolsession.cpp
    services/schoolsetup.h services/schoolsetup.cpp
    services/pupilsetup.h services/pupilsetup.cpp
    services/groupsetup.h services/groupsetup.cpp
    services/staffsetup.h services/staffsetup.cpp
    services/subjectsetup.h services/subjectsetup.cpp
    services/calendarsetup.h services/calendarsetup.cpp
    services/newyear.h services/newyear.cpp
    services/marking.h services/marking.cpp
    services/tasksetup.h services/tasksetup.cpp
    services/marksheet.h services/marksheet.cpp
    services/classfeedback.h services/classfeedback.cpp
    services/rosterimport.h services/rosterimport.cpp
    services/importhistory.h services/importhistory.cpp
    services/importundo.cpp)
