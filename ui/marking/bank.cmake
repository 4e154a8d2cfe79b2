# The comment bank panel beside the feedback editor: its list model and its undo commands.
target_sources(waymark_ui PRIVATE
    marking/commentbankmodel.h marking/commentbankmodel.cpp
    marking/commentbankpanel.h marking/commentbankpanel.cpp
    marking/commentbankcommands.h marking/commentbankcommands.cpp)
