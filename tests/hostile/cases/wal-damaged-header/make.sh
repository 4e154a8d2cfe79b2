#!/usr/bin/env bash
# A flipped byte in the log's header: SQLite ignores the whole log, so every change in it is lost.
set -euo pipefail
. "$(dirname "$0")/../../lib.sh"
wal_crash_image "$1" 4
flip "$1-wal" 20
