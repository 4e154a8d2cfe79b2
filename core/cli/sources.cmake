target_sources(waymark_core PRIVATE
    cli/cli.h cli/cli.cpp
    cli/clicommand.h cli/clisupport.cpp
    cli/cmd_init.cpp
    cli/cmd_demo.cpp
    cli/cmd_check.cpp
    cli/cmd_stats.cpp
    cli/cmd_backup.cpp
    cli/cmd_school.cpp
    cli/cmd_pupils.cpp
    cli/cmd_tasks.cpp
    cli/cmd_nextsteps.cpp
    cli/cmd_mark.cpp
    cli/cmd_search.cpp
    cli/cmd_import.cpp
    cli/cmd_export.cpp
    cli/cmd_staff.cpp
    cli/cmd_subjects.cpp
    cli/cmd_group.cpp
    cli/cmd_calendar.cpp
    cli/cmd_newyear.cpp
    cli/cmd_comments.cpp)
# `waymark-cli --version` reports the project's version.
set_property(SOURCE cli/cli.cpp APPEND PROPERTY COMPILE_DEFINITIONS WAYMARK_VERSION="${PROJECT_VERSION}")
