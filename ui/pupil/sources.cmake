# The pupil page: header, details, sensitive characteristics, learning plan, targets and the
# evidence timeline, with the undo commands for every edit made on it.
target_sources(waymark_ui PRIVATE
    pupil/pupilpage.h pupil/pupilpage.cpp
    pupil/pupilheader.h pupil/pupilheader.cpp
    pupil/pupileditor.h pupil/pupileditor.cpp
    pupil/fieldbinding.h pupil/fieldbinding.cpp
    pupil/fieldvalues.h
    pupil/detailsform.h pupil/detailsform.cpp
    pupil/characteristicspanel.h pupil/characteristicspanel.cpp
    pupil/planeditor.h pupil/planeditor.cpp
    pupil/targetmodel.h pupil/targetmodel.cpp
    pupil/targetdelegate.h pupil/targetdelegate.cpp
    pupil/targetspanel.h pupil/targetspanel.cpp
    pupil/evidencetimelinemodel.h pupil/evidencetimelinemodel.cpp
    pupil/trafficlightdelegate.h pupil/trafficlightdelegate.cpp
    pupil/evidencepanel.h pupil/evidencepanel.cpp
    pupil/openattached.h pupil/openattached.cpp
    pupil/shapes.h pupil/shapes.cpp
    pupil/commands/commandids.h
    pupil/commands/changefield.h
    pupil/commands/targetcommands.h pupil/commands/targetcommands.cpp)
