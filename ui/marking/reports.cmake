# Whole-class feedback and printing on the marking page (included from ui/CMakeLists.txt): the
# panel, its undo command and models, and the print and save-as-PDF dialogs around ui/reports.
find_package(Qt6 REQUIRED COMPONENTS PrintSupport)
target_sources(waymark_ui PRIVATE
    marking/classfeedbackcommands.h marking/classfeedbackcommands.cpp
    marking/classfeedbackmodels.h marking/classfeedbackmodels.cpp
    marking/classfeedbackpanel.h marking/classfeedbackpanel.cpp
    marking/printing.h marking/printing.cpp)
target_link_libraries(waymark_ui PUBLIC waymark_reports Qt6::PrintSupport)
