#!/usr/bin/env bash
# Seeds for fuzz_open_school: real school files in each shape the app meets (new, demo, every
# schema fixture, each hostile case), each behind the target's mode byte (0: read-write).
#   tests/fuzz/make_corpus.sh path/to/waymark-cli CORPUSDIR
set -euo pipefail
cli=$1
out=$(mkdir -p "$2" && cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" init "$work/new.waymark" >/dev/null
"$cli" demo "$work/demo.waymark" --pupils 4 --seed 3 --today 2026-11-23 >/dev/null
cp "$here"/../fixtures/schema/*.waymark "$work/"
if command -v sqlite3 >/dev/null; then
  bash "$here/../hostile/make_hostile_files.sh" "$cli" "$work/hostile" >/dev/null
  cp "$work"/hostile/*.waymark* "$work/"
fi
for f in "$work"/*.waymark; do
  name=$(basename "$f" .waymark)
  if [ -s "$f-wal" ]; then
    # Mode 8: a school file and its write-ahead log, the file's length first (4 bytes, big-endian).
    size=$(stat -c %s "$f")
    { printf '\010'; printf "\\$(printf %03o $((size >> 24 & 255)))\\$(printf %03o $((size >> 16 & 255)))\\$(printf %03o $((size >> 8 & 255)))\\$(printf %03o $((size & 255)))"; cat "$f" "$f-wal"; } > "$out/$name"
  else
    { printf '\000'; cat "$f"; } > "$out/$name"
  fi
done
ls "$out" | wc -l
