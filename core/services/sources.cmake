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
    services/nextsteps.h services/nextsteps.cpp
    services/markfiles.h services/markfiles.cpp
    services/classfeedback.h services/classfeedback.cpp
    services/rosterimport.h services/rosterimport.cpp
    services/importhistory.h services/importhistory.cpp
    services/importundo.cpp)
# The comment bank, with its starter set built in as a Qt resource (QtCore only).
target_sources(waymark_core PRIVATE
    services/commentbank.h services/commentbank.cpp services/commentbankcsv.cpp services/commentbankinternal.h)
qt_add_resources(waymark_core waymark_commentbank PREFIX "/waymark" BASE services
                 FILES services/commentbank_starter.csv)
