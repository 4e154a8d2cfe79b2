#!/usr/bin/env bash
# Quick start for Debian 12 / Ubuntu: installs what is missing, builds Waymark (Release, ccache),
# then either launches the app on the default database (run) or runs every test headless (test).
#   ./packaging/quickstart.sh run    — build and open Waymark (the first start offers a demo school)
#   ./packaging/quickstart.sh test   — build and run the whole test suite with no display
set -euo pipefail
mode="${1:-run}"
case "$mode" in run|test) ;; *) echo "usage: $0 run|test" >&2; exit 2 ;; esac
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libgl-dev libsqlite3-dev sqlite3 libboost-date-time-dev libarchive-dev catch2
  xvfb xauth poppler-utils fonts-dejavu-core
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
cmake --preset release -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
cmake --build --preset release -j "$(nproc)"

if [ "$mode" = run ]; then
  exec build/release/app/gui/waymark "${@:2}"
fi
export QT_QPA_PLATFORM=offscreen
ctest --preset release -j "$(nproc)"
