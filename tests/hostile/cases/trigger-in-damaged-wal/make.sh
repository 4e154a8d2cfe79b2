#!/usr/bin/env bash
# A trigger added in the log, and a damaged frame after it: refused before anything is written, so
# the damaged log is not dropped either.
set -euo pipefail
. "$(dirname "$0")/../../lib.sh"
wal_crash_image "$1" 5 "CREATE TRIGGER wipe_pupils AFTER UPDATE OF pronouns ON pupil BEGIN UPDATE pupil SET deleted = 1; END;"
flip "$1-wal" $(( $(wal_frame_offset "$1" 6) + 24 + 100 ))
