#!/usr/bin/env bash
# The log ends part-way through a frame, as after a crash mid-write: nothing saved is lost.
set -euo pipefail
. "$(dirname "$0")/../../lib.sh"
wal_crash_image "$1" 3
truncate -s -1000 "$1-wal"
