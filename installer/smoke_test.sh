#!/usr/bin/env bash
# Smoke-test a built bundle the way a clinic would meet it: unpacked into an empty
# folder, run with a fresh home directory and a minimal environment (no venv, no
# PYTHONPATH), offscreen.
# Usage: installer/smoke_test.sh [dist/clinic-app-<version>-linux-<arch>.tar.gz]
# Checks: ReportLab's C accelerator is bundled; --version matches the tarball name; `demo --out` writes valid PDFs (pdfinfo,
# and pypdf reads their text); the GUI starts, shows its main window and quits with
# status 0; a fresh home gets its database in the user data directory, holding the demo
# patients (the welcome dialog's default, taken without asking under the quit hook).
# Prints bundle size and start time.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tarball="${1:-$(ls -t "$repo"/dist/clinic-app-*-linux-*.tar.gz 2>/dev/null | head -n 1)}"
if [[ -z "$tarball" || ! -f "$tarball" ]]; then
    echo "smoke test: no bundle tarball found; run installer/build.sh first" >&2
    exit 2
fi
# Only the checkers (pypdf, sqlite3) run on the development Python, never the app itself.
check_python="${CHECK_PYTHON:-$repo/.venv/bin/python}"
[[ -x "$check_python" ]] || check_python="$(command -v python3 || true)"
gui_timeout_s="${GUI_TIMEOUT_S:-60}"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
bundle_name="$(basename "$tarball" .tar.gz)"
expected_version="${bundle_name#clinic-app-}"
expected_version="${expected_version%-linux-*}"

fail() {
    echo "SMOKE TEST FAILED: $*" >&2
    exit 1
}

step() {
    echo "== $*"
}

# A clean environment: what a desktop session would give the app, nothing from this shell.
run_clean() {
    local home="$1"
    shift
    env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}

now_ms() {
    echo $(($(date +%s%N) / 1000000))
}

step "unpacking $(basename "$tarball") into an empty folder"
mkdir "$scratch/unpacked"
tar -C "$scratch/unpacked" -xzf "$tarball"
app="$scratch/unpacked/$bundle_name/clinic-app"
[[ -x "$app" ]] || fail "no executable clinic-app in the tarball's $bundle_name/ folder"
# Without it the PDFs are still right, only slower: ReportLab falls back to Python quietly.
find "$scratch/unpacked" -name '_rl_accel*' | grep -q . ||
    fail "ReportLab's accelerator (_rl_accel) is not in the bundle"

step "clinic-app --version"
home="$scratch/home-version"
mkdir "$home"
version_line="$(run_clean "$home" "$app" --version)"
echo "$version_line"
[[ "$version_line" == "clinic-app $expected_version" ]] ||
    fail "expected 'clinic-app $expected_version', got '$version_line'"

if run_clean "$scratch" "$app" demo --help >/dev/null 2>&1; then
    step "clinic-app demo --out DIR"
    home="$scratch/home-demo"
    mkdir "$home"
    out="$scratch/demo-out"
    run_clean "$home" "$app" demo --out "$out" || fail "demo command exited with $?"
    mapfile -t pdfs < <(find "$out" -name '*.pdf' | sort)
    ((${#pdfs[@]} > 0)) || fail "demo wrote no PDF into $out"
    for pdf in "${pdfs[@]}"; do
        [[ "$(head -c 4 "$pdf")" == "%PDF" ]] || fail "$pdf does not start with %PDF"
    done
    checked_by=()
    if command -v pdfinfo >/dev/null; then
        for pdf in "${pdfs[@]}"; do
            pages="$(pdfinfo "$pdf" 2>&1 | sed -n 's/^Pages: *//p')" ||
                fail "pdfinfo could not read $pdf"
            [[ "$pages" =~ ^[1-9][0-9]*$ ]] || fail "pdfinfo found no pages in $pdf"
        done
        checked_by+=(pdfinfo)
    fi
    if [[ -x "$check_python" ]] && "$check_python" -c "import pypdf" 2>/dev/null; then
        "$check_python" - "${pdfs[@]}" <<'EOF' || fail "pypdf could not read a demo PDF"
import sys

from pypdf import PdfReader

for path in sys.argv[1:]:
    reader = PdfReader(path, strict=True)
    text = "".join(page.extract_text() or "" for page in reader.pages)
    if not text.strip():
        raise SystemExit(f"{path}: no text on {len(reader.pages)} page(s)")
    print(f"  {path.rsplit('/', 1)[-1]}: {len(reader.pages)} page(s), {len(text)} characters")
EOF
        checked_by+=(pypdf)
    fi
    ((${#checked_by[@]} > 0)) ||
        fail "neither pdfinfo (poppler-utils) nor pypdf is available to check the PDFs"
    echo "  ${#pdfs[@]} PDFs valid (checked with ${checked_by[*]})"
else
    step "SKIP demo: this build has no 'demo' command"
fi

step "GUI: start offscreen, wait for the main window, quit"
gui_log="$scratch/gui.log"
# Launch to main window shown and closed, in ms; the exit status is the app's.
time_gui_start() {
    local app="$1" home="$2" started status=0
    started="$(now_ms)"
    run_clean "$home" env CLINIC_APP_QUIT_AFTER_SHOWN_MS=0 \
        timeout "$gui_timeout_s" "$app" >"$gui_log" 2>&1 || status=$?
    echo $(($(now_ms) - started))
    return "$status"
}

home="$scratch/home-gui"
mkdir "$home"
status=0
first_start_ms="$(time_gui_start "$app" "$home")" || status=$?
# The offscreen platform's propagateSizeHints() warnings are noise, not failures.
grep -v "propagateSizeHints" "$gui_log" || true
((status != 124)) || fail "GUI did not quit within ${gui_timeout_s} s (main window never shown?)"
((status == 0)) || fail "GUI exited with status $status"
if grep -q "Traceback" "$gui_log"; then
    fail "GUI printed a Python traceback"
fi
database="$home/.local/share/clinic-app/clinic.sqlite3"
[[ -f "$database" ]] ||
    fail "no database in the user data directory: $(cd "$home" && find . -type f | tr '\n' ' ')"
echo "  user data directory: $(cd "$home" && find .local/share -type f | tr '\n' ' ')"
if [[ -n "$check_python" ]]; then
    patients="$("$check_python" -c '
import sqlite3, sys
with sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True) as connection:
    print(connection.execute("select count(*) from patients").fetchone()[0])' "$database")" ||
        fail "could not read the new database"
    ((patients > 0)) || fail "the first start loaded no demo patients"
    echo "  first start: $patients demo patients in the new database"
fi
again_start_ms="$(time_gui_start "$app" "$home")" || fail "second GUI start failed"

step "result"
echo "bundle:      $(du -sh "$scratch/unpacked/$bundle_name" | cut -f1) unpacked," \
    "$(du -sh "$tarball" | cut -f1) as .tar.gz"
echo "start time:  launch to main window shown and closed, first start (new database) / again"
echo "  bundle:    ${first_start_ms} ms / ${again_start_ms} ms"

# For comparison: the same starts from the development virtualenv (what `make run` runs).
venv_app="$repo/.venv/bin/clinic-app"
if [[ -x "$venv_app" ]]; then
    home="$scratch/home-venv"
    mkdir "$home"
    if venv_first_ms="$(time_gui_start "$venv_app" "$home")" &&
        venv_again_ms="$(time_gui_start "$venv_app" "$home")"; then
        echo "  .venv:     ${venv_first_ms} ms / ${venv_again_ms} ms"
    fi
fi
echo "SMOKE TEST PASSED"
