-- A version-1 file (the fixture) with a shared table whose name carries SQL. Waymark 0.1 pasted
-- table names into the history triggers it rebuilt while updating a file, so opening this ran the
-- ATTACH and made canary.db: it could as well have wiped another school file's pupils.
CREATE TABLE "x""; ATTACH '@DIR@/canary.db' AS c; CREATE TABLE c.t(x); --" (id INTEGER PRIMARY KEY, uuid TEXT, hlc INTEGER, origin TEXT, deleted INTEGER);
