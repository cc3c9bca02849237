#!/usr/bin/env bash
# Add Clinic App to the current user's application menu, from an unpacked bundle.
# Usage: ./install-desktop-entry.sh            (run inside the unpacked bundle folder)
#        ./install-desktop-entry.sh --remove   (take the menu entry and icons away again)
# Installs into ~/.local (XDG_DATA_HOME) and links ~/.local/bin/clinic-app to this bundle;
# the bundle itself stays where it was unpacked.
set -euo pipefail

bundle="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
bin_dir="$HOME/.local/bin"
desktop_file="$data_home/applications/clinic-app.desktop"

if [[ "${1:-}" == "--remove" ]]; then
    rm -f "$desktop_file" "$bin_dir/clinic-app" \
        "$data_home/metainfo/org.clinicapp.ClinicApp.metainfo.xml"
    find "$data_home/icons/hicolor" -name 'clinic-app.*' -delete 2>/dev/null || true
    echo "Clinic App menu entry removed (the bundle in $bundle is untouched)."
    exit 0
fi

mkdir -p "$bin_dir" "$data_home/applications" "$data_home/metainfo"
ln -sfn "$bundle/clinic-app" "$bin_dir/clinic-app"
cp -r "$bundle/share/icons" "$data_home/"
cp "$bundle/share/metainfo/org.clinicapp.ClinicApp.metainfo.xml" "$data_home/metainfo/"
# Point the menu entry at this bundle, so it works even when ~/.local/bin is not on PATH.
sed "s|^Exec=clinic-app|Exec=\"$bundle/clinic-app\"|" \
    "$bundle/share/applications/clinic-app.desktop" >"$desktop_file"
command -v update-desktop-database >/dev/null && update-desktop-database "$data_home/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$data_home/icons/hicolor" || true
echo "Clinic App added to the application menu; command: $bin_dir/clinic-app"
