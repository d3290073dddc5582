#!/bin/sh
# Install SalesDesk @VERSION@ for this user only (no root, no sudo):
#   program   ${XDG_DATA_HOME:-~/.local/share}/salesdesk-app/
#   command   ~/.local/bin/salesdesk  (a link to the program)
#   menu      ${XDG_DATA_HOME:-~/.local/share}/applications/salesdesk.desktop
#   icon      ${XDG_DATA_HOME:-~/.local/share}/icons/hicolor/256x256/apps/salesdesk.png
# The rep's data (database, profile, backups) lives in ~/.local/share/SalesDesk and is
# never touched by installing, upgrading or uninstalling. Run it again to upgrade.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$data_home/salesdesk-app
bin_dir=$HOME/.local/bin
apps_dir=$data_home/applications
icon_dir=$data_home/icons/hicolor/256x256/apps

if [ "$(id -u)" = 0 ] && [ -z "${SALESDESK_ALLOW_ROOT:-}" ]; then
  echo "install.sh installs for one user: run it as that user, not as root." >&2
  exit 2
fi
[ -x "$here/SalesDesk/salesdesk" ] || { echo "install.sh: SalesDesk/ is missing beside me" >&2; exit 2; }

mkdir -p "$data_home" "$bin_dir" "$apps_dir" "$icon_dir"
# Copy next to the old copy, then swap, so a failed copy leaves the old one working.
tmp=$(mktemp -d "$data_home/.salesdesk-app.XXXXXX")
cp -a "$here/SalesDesk/." "$tmp/"
cp "$here/uninstall.sh" "$tmp/uninstall.sh"
chmod 755 "$tmp" "$tmp/uninstall.sh"
if [ -e "$app_dir" ]; then
  rm -rf "$app_dir.old"
  mv "$app_dir" "$app_dir.old"
fi
mv "$tmp" "$app_dir"
rm -rf "$app_dir.old"

ln -sfn "$app_dir/salesdesk" "$bin_dir/salesdesk"
cp "$here/salesdesk.png" "$icon_dir/salesdesk.png"
sed "s|@EXEC@|$app_dir/salesdesk|g" "$here/salesdesk.desktop" > "$apps_dir/salesdesk.desktop.tmp"
chmod 644 "$apps_dir/salesdesk.desktop.tmp"
mv "$apps_dir/salesdesk.desktop.tmp" "$apps_dir/salesdesk.desktop"

# Menus pick the entry up by themselves; these only speed it up where they exist.
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps_dir" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true

echo "SalesDesk @VERSION@ installed for $(id -un)."
echo "Start it from the applications menu (SalesDesk), or run: $bin_dir/salesdesk"
case ":$PATH:" in *":$bin_dir:"*) ;; *) echo "($bin_dir is not on your PATH; the menu entry works regardless.)";; esac
