#!/usr/bin/env bash
# Makes the hostile school files that tests/hostile checks Waymark against, as an attacker would:
# for each folder in cases/, a school file is made (a fresh `waymark-cli init`, or a copy of the
# schema fixture named in the case's `base`) and the case's make.sql is run on it by the sqlite3
# shell (@DIR@ in it stands for OUTDIR), and then its make.sh, if any, is run with the file and the
# waymark-cli path (see lib.sh). A victim.waymark that no case may touch is made too.
#   tests/hostile/make_hostile_files.sh path/to/waymark-cli OUTDIR
set -euo pipefail
cli=$1
out=$(mkdir -p "$2" && cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
command -v sqlite3 >/dev/null || { echo "make_hostile_files.sh: the sqlite3 shell is needed" >&2; exit 2; }

"$cli" init "$out/victim.waymark" >/dev/null
for case in "$here"/cases/*/; do
  name=$(basename "$case")
  file="$out/$name.waymark"
  rm -f "$file" "$file-wal" "$file-shm" "$file-journal"
  if [ -f "$case/base" ]; then
    cp "$here/../fixtures/schema/$(cat "$case/base")" "$file"
  else
    "$cli" init "$file" >/dev/null
  fi
  if [ -f "$case/make.sql" ]; then
    sed "s|@DIR@|$out|g" "$case/make.sql" | sqlite3 -bail "$file" >/dev/null
  fi
  if [ -x "$case/make.sh" ]; then
    "$case/make.sh" "$file" "$cli"
  fi
done
