#!/bin/sh
# Re-renders the README's screenshots from a fresh demo school, the same on every machine: a fixed
# seed and date, 1366x768 under Xvfb. Needs a built tree (default build/release), xvfb-run and the
# sqlite3 shell (to choose a pupil with targets from earlier years).
#   docs/screenshots/update.sh [BUILD_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build/release}
today=2026-11-23
year_start=2026-09-01 # the academic year $today falls in starts here
work=/tmp/waymark-screenshots # a fixed path: the status bar shows it
rm -rf "$work"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Waymark"
school="$work/Waymark/Demo school.waymark"

"$build/app/cli/waymark-cli" demo "$school" --pupils 240 --years 3 --seed 7 --today "$today"
# A pupil on roll with this year's targets and some from earlier years to unfold.
upn=$(sqlite3 "$school" "SELECT p.upn FROM pupil p JOIN target t ON t.pupil_id = p.id AND t.deleted = 0
    WHERE p.deleted = 0 AND p.left_on IS NULL GROUP BY p.id
    HAVING sum(t.set_on >= '$year_start') >= 3 AND sum(t.set_on < '$year_start' AND t.status <> 'active') >= 2
    ORDER BY p.id LIMIT 1")
[ -n "$upn" ] || { echo "update.sh: no pupil in the demo school has this year's and earlier targets" >&2; exit 1; }

shot() {
    XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
        xvfb-run -a -s '-screen 0 1366x768x24' "$build/app/gui/waymark" --today "$today" "$@" "$school"
}
shot --show "pupil:$upn" --screenshot "$here/pupil.png"
shot --show dashboard --screenshot "$here/dashboard.png"
# Marking: the most recent task with the most pupils marked, at its grid.
task=$(sqlite3 "$school" "SELECT t.id FROM task t JOIN evidence e ON e.task_id = t.id AND e.deleted = 0
    WHERE t.deleted = 0 AND t.set_on <= '$today' GROUP BY t.id ORDER BY t.set_on DESC, count(*) DESC, t.id LIMIT 1")
[ -n "$task" ] || { echo "update.sh: the demo school has no marked task" >&2; exit 1; }
shot --show "task:$task" --screenshot "$here/marking.png"
# Getting a school in: the set-up pages of the demo school, and an MIS export previewed on a new,
# empty school (tests/fixtures holds the export).
for page in staff groups calendar; do
    shot --show "setup:$page" --screenshot "$here/setup-$page.png"
done
root=$(cd "$here/../.." && pwd)
school="$work/Waymark/New school.waymark"
"$build/app/cli/waymark-cli" init "$school" --name "Oakfield Academy" >/dev/null
shot --show "import:$root/tests/fixtures/sds-uk" --screenshot "$here/import-preview.png"
echo "updated $here/pupil.png (pupil $upn), dashboard.png, marking.png (task $task), setup-*.png and import-preview.png"
