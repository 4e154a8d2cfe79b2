#!/usr/bin/env bash
# Five saved changes in the log; one flipped byte in the page data of the third frame. SQLite keeps
# the changes before it and silently drops the rest, so Waymark must say so and keep the log.
set -euo pipefail
. "$(dirname "$0")/../../lib.sh"
wal_crash_image "$1" 5
flip "$1-wal" $(( $(wal_frame_offset "$1" 2) + 24 + 100 ))
