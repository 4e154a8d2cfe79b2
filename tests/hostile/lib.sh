# Helpers for the cases' make.sh scripts (sourced). Each works on real files with the sqlite3 shell.

# wal_crash_image FILE N [SQL]: commits SQL (if given) and then N transactions (a subject each) to
# FILE in WAL mode with automatic checkpoints off, and copies FILE and FILE-wal while the shell still
# has them open: what a laptop leaves when its battery dies. FILE is replaced by the image (no -shm,
# as after a copy).
wal_crash_image() {
  local file=$1 n=$2 sql="${3:-}"$'\n' i
  for i in $(seq 1 "$n"); do
    sql+="INSERT INTO subject(uuid, hlc, origin, name) VALUES (lower(hex(randomblob(16))), $((i << 16)), 'x', 'Subject $i');"$'\n'
  done
  sqlite3 -bail "$file" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA wal_autocheckpoint = 0;
$sql
.shell cp "$file" "$file.image"
.shell cp "$file-wal" "$file.image-wal"
SQL
  rm -f "$file-wal" "$file-shm"
  mv "$file.image" "$file"
  mv "$file.image-wal" "$file-wal"
}

# hot_journal_image FILE: an update of every built-in rung in rollback-journal mode with a one-page
# cache (so changed pages reach the file before the commit), copied with its journal mid-way: what a
# network share leaves when the laptop writing to it is switched off.
hot_journal_image() {
  local file=$1
  sqlite3 -bail "$file" >/dev/null <<SQL
PRAGMA journal_mode = DELETE;
PRAGMA cache_size = 1;
BEGIN;
UPDATE rung SET descriptor = descriptor || printf('%.*c', 3000, 'x'), hlc = hlc + 1;
.shell cp "$file" "$file.image"
.shell cp "$file-journal" "$file.image-journal"
ROLLBACK;
SQL
  mv "$file.image" "$file"
  mv "$file.image-journal" "$file-journal"
}

# flip FILE OFFSET: inverts every bit of one byte, in place.
flip() {
  local file=$1 offset=$2 byte
  byte=$(od -An -tu1 -j "$offset" -N1 "$file" | tr -d ' ')
  printf "\\$(printf %03o $((byte ^ 255)))" | dd of="$file" bs=1 seek="$offset" conv=notrunc status=none
}

# wal_frame_offset FILE K: where frame K (from 0) of FILE-wal starts.
wal_frame_offset() {
  local page
  page=$(sqlite3 "$1" "PRAGMA page_size")
  echo $((32 + $2 * (24 + page)))
}
