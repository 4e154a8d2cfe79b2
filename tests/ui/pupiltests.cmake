# The pupil page's tests (included from tests/ui/CMakeLists.txt).
find_package(Qt6 REQUIRED COMPONENTS Test)
waymark_add_test(test_pupilpage GUI
    SOURCES test_pupilpage.cpp test_pupilpage_edits.cpp test_fieldbinding.cpp test_datefield.cpp pupiltestsupport.h
            pupiltestsupport.cpp test_evidencefiles.cpp test_changefield.cpp test_markingcommands.cpp
    LIBS waymark_uitestsupport Qt6::Test)
