target_sources(waymark_core PRIVATE
    attachments/attachmentstore.h attachments/attachmentstore.cpp)
