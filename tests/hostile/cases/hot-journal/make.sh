#!/usr/bin/env bash
# A rollback journal left hot by a writer switched off mid-change (network-share mode).
set -euo pipefail
. "$(dirname "$0")/../../lib.sh"
hot_journal_image "$1"
