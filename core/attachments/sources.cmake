target_sources(waymark_core PRIVATE
    attachments/attachmentstore.h attachments/attachmentstore.cpp
    attachments/evidencefiles.h attachments/evidencefiles.cpp)
