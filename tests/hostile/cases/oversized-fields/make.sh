#!/usr/bin/env bash
# A small demo school in which one pupil's names, pronouns, notes, plan and targets, a group's name
# and the school's name run to a million characters each, with no space to wrap at. Waymark 0.1
# used 7 GB and minutes on a 60,000-character surname.
set -euo pipefail
rm -f "$1"
"$2" demo "$1" --pupils 6 --seed 4 --today 2026-11-23 >/dev/null
sqlite3 -bail "$1" >/dev/null <<'SQL'
UPDATE pupil SET upn = 'B801200005001' WHERE id = (SELECT min(id) FROM pupil WHERE deleted = 0 AND left_on IS NULL);
UPDATE pupil SET legal_family_name = printf('%.*c', 1000000, 'W'), legal_given_name = printf('%.*c', 1000000, 'G'),
       pronouns = printf('%.*c', 1000000, 'p'), notes = printf('%.*c', 1000000, 'n')
 WHERE upn = 'B801200005001';
UPDATE learning_plan SET strengths = printf('%.*c', 1000000, 's'), needs = printf('%.*c', 1000000, 'e')
 WHERE pupil_id = (SELECT id FROM pupil WHERE upn = 'B801200005001');
UPDATE target SET text = printf('%.*c', 1000000, 't'), area = printf('%.*c', 1000000, 'a'),
       success_measure = printf('%.*c', 1000000, 'm')
 WHERE pupil_id = (SELECT id FROM pupil WHERE upn = 'B801200005001');
UPDATE pupil_group SET name = printf('%.*c', 1000000, 'g')
 WHERE id IN (SELECT group_id FROM group_member WHERE pupil_id = (SELECT id FROM pupil WHERE upn = 'B801200005001'));
UPDATE school SET name = printf('%.*c', 1000000, 'S');
SQL
