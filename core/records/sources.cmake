target_sources(waymark_core PRIVATE
    records/pupilrecord.h records/pupilrecord.cpp
    records/evidencetimeline.h records/evidencetimeline.cpp)
