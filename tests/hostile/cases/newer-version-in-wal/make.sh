#!/usr/bin/env bash
# A newer version number that is only in the log: refused, and no -shm is left beside it.
set -euo pipefail
. "$(dirname "$0")/../../lib.sh"
wal_crash_image "$1" 2 "PRAGMA user_version = 99;"
