#!/bin/sh
# Remove SalesDesk for this user: the program, the command link, the menu entry and the
# icon. The rep's data (~/.local/share/SalesDesk: database, profile, backups) stays;
# delete that folder yourself only if the data is no longer needed.
set -eu
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$data_home/salesdesk-app
link=$HOME/.local/bin/salesdesk
if [ -L "$link" ] && [ "$(readlink "$link")" = "$app_dir/salesdesk" ]; then rm -f "$link"; fi
rm -f "$data_home/applications/salesdesk.desktop"
rm -f "$data_home/icons/hicolor/256x256/apps/salesdesk.png"
rm -rf "$app_dir"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
echo "SalesDesk removed. Your data is still in $data_home/SalesDesk."
