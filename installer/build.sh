#!/usr/bin/env bash
# Build the Linux one-folder bundle and its .tar.gz:
#   dist/clinic-app-<version>-linux-<arch>/   and   dist/clinic-app-<version>-linux-<arch>.tar.gz
# Usage: installer/build.sh            (from anywhere; uses .venv, creating it if missing)
# Environment: PYTHON=python3.11 chooses the interpreter used to create .venv.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

# PyInstaller reads and strips ELF files with binutils (Debian package: binutils).
for tool in objdump readelf strip; do
    command -v "$tool" >/dev/null ||
        { echo "build.sh: '$tool' not found; install binutils" >&2; exit 2; }
done

venv_python="$repo/.venv/bin/python"
if [[ ! -x "$venv_python" ]]; then
    echo "== creating .venv with ${PYTHON:-python3}"
    "${PYTHON:-python3}" -m venv .venv
    "$venv_python" -m pip install --quiet --upgrade pip
    "$venv_python" -m pip install --quiet -e ".[installer]"
fi
if ! "$venv_python" -c "import PyInstaller" 2>/dev/null; then
    echo "== installing the 'installer' extra (PyInstaller) into .venv"
    "$venv_python" -m pip install --quiet -e ".[installer]"
fi

# The version comes from the package metadata; refresh it when pyproject.toml moved on
# since the editable install was made, so the bundle never carries a stale number.
metadata_version() {
    "$venv_python" -c 'from importlib.metadata import version; print(version("clinic-app"))'
}
project_version="$("$venv_python" -c '
import tomllib
with open("pyproject.toml", "rb") as f:
    print(tomllib.load(f)["project"]["version"])')"
version="$(metadata_version)"
if [[ "$version" != "$project_version" ]]; then
    echo "== metadata says $version, pyproject.toml says $project_version: refreshing metadata"
    "$venv_python" -m pip install --quiet --no-deps -e .
    version="$(metadata_version)"
fi

arch="$(uname -m)"
bundle_name="clinic-app-${version}-linux-${arch}"
work="$repo/build/pyinstaller"
staging="$work/dist"
bundle="$repo/dist/$bundle_name"
tarball="$repo/dist/$bundle_name.tar.gz"

echo "== building $bundle_name"
started=$SECONDS
CLINIC_APP_BUNDLE_NAME="$bundle_name" CLINIC_APP_VERSION="$version" \
    "$venv_python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$staging" --workpath "$work/work" installer/clinic-app.spec

# Desktop integration travels inside the bundle so a user can install the menu entry.
share="$staging/$bundle_name/share"
install -D -m 0644 installer/linux/clinic-app.desktop "$share/applications/clinic-app.desktop"
install -D -m 0644 installer/linux/org.clinicapp.ClinicApp.metainfo.xml \
    "$share/metainfo/org.clinicapp.ClinicApp.metainfo.xml"
install -D -m 0644 resources/icons/clinic-app.svg \
    "$share/icons/hicolor/scalable/apps/clinic-app.svg"
for png in resources/icons/png/clinic-app-*.png; do
    size="${png##*-}"
    size="${size%.png}"
    install -D -m 0644 "$png" "$share/icons/hicolor/${size}x${size}/apps/clinic-app.png"
done
install -m 0755 installer/linux/install-desktop-entry.sh "$staging/$bundle_name/"

mkdir -p "$repo/dist"
rm -rf "$bundle" "$tarball"
mv "$staging/$bundle_name" "$bundle"
tar -C "$repo/dist" -czf "$tarball" "$bundle_name"

echo "== built in $((SECONDS - started)) s"
echo "bundle:  $bundle  ($(du -sh "$bundle" | cut -f1))"
echo "tarball: $tarball  ($(du -sh "$tarball" | cut -f1))"
