#!/usr/bin/env bash
# A trigger added in a log that no program has replayed yet: the schema is only in the log. The
# file must be refused without being opened for writing, so the log is neither replayed nor dropped.
set -euo pipefail
. "$(dirname "$0")/../../lib.sh"
wal_crash_image "$1" 3 "CREATE TRIGGER wipe_pupils AFTER UPDATE OF pronouns ON pupil BEGIN UPDATE pupil SET deleted = 1; END;"
