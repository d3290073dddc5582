#!/usr/bin/env bash
# System libraries SalesDesk needs on Debian/Ubuntu. Root is needed only for apt-get:
# the Qt platform plugin's X11/xcb libraries, fontconfig, D-Bus, a Japanese font that
# prints and copies correctly (IPA Gothic), and, with --test, Xvfb, a notification
# daemon and poppler's PDF tools for the test suite.
set -euo pipefail

packages=(
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-image0
  libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-sync1
  libxcb-shm0 libx11-xcb1 libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
  fonts-ipafont-gothic
)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(xvfb xauth dbus dunst libnotify-bin poppler-utils)
fi
if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
  packages+=(python3-venv)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=()
if [[ "$(id -u)" != 0 ]]; then
  sudo=(sudo)
fi
echo "Installing system packages: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
