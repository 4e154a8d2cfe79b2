# Read-side queries for the app shell: each returns plain structs from ONE SQL statement.
target_sources(waymark_core PRIVATE
    queries/rosterqueries.h queries/rosterqueries.cpp
    queries/dashboardqueries.h queries/dashboardqueries.cpp
    queries/search.h queries/search.cpp)
