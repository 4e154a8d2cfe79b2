# The printed reports (ui/reports) and the whole-class feedback panel (included from
# tests/ui/CMakeLists.txt). The PDFs are read back with poppler-utils (pdftotext, pdfinfo, pdffonts).
find_package(Qt6 REQUIRED COMPONENTS Test PrintSupport)
waymark_add_test(test_reports GUI
    SOURCES test_reports.cpp test_classfeedbackpanel.cpp reporttestsupport.h reporttestsupport.cpp
    LIBS waymark_uitestsupport waymark_reports Qt6::Test Qt6::PrintSupport)
