#!/usr/bin/env bash
# End-to-end packaging check (slow: builds the PyInstaller bundle, ~1 min). .ci/run calls
# it only when packaging files changed in the recent commits; run it by hand any time.
#
#  1. builds dist/SalesDesk with build.spec, checks size (<= 150 MB) and `--version`;
#  2. runs `--smoke` on the bundle under QT_QPA_PLATFORM=offscreen, timing it against
#     `python -m salesdesk --smoke`;
#  3. builds 山田 太郎's archive with a starter prospect list (<= 80 MB);
#  4. unpacks it into a temporary HOME, runs install.sh, checks the menu entry, icon and
#     command link, starts the installed app from the entry's Exec line with `--smoke`
#     on the rep's real data folder and checks the window title and profile carry the
#     employee's name and the starter prospects are there;
#  5. runs uninstall.sh and checks the program is gone and the rep's data is not.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
passed=0
failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
bad() { echo "FAILED: $*" >&2; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
ms() { date +%s%3N; }

bash scripts/install-system-deps.sh
export QT_QPA_PLATFORM=offscreen
version=$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== build the bundle"
t0=$(ms)
bash scripts/build-bundle.sh
build_s=$(( ($(ms) - t0) / 1000 ))
bundle=dist/SalesDesk
onedir_mb=$(du -sm "$bundle" | cut -f1)
check "one-dir bundle ${onedir_mb} MB <= 150 MB" test "$onedir_mb" -le 150
check "--version prints SalesDesk $version" test "$("$bundle/salesdesk" --version)" = "SalesDesk $version"
check "--version does not import Qt" bash -c \
  "! .venv/bin/python -X importtime -m salesdesk --version 2>&1 | grep -q PySide6"

echo "== smoke: bundle vs python -m salesdesk (fresh data dir each run, median of 3)"
median_ms() {
  local runs=()
  for _ in 1 2 3; do
    local s; s=$(ms)
    "$@" >"$tmp/smoke.out" 2>"$tmp/smoke.err" || { cat "$tmp/smoke.out" "$tmp/smoke.err"; return 1; }
    runs+=($(( $(ms) - s )))
  done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p
}
bundle_ms=$(median_ms "$bundle/salesdesk" --smoke) && ok "bundle --smoke exits 0 (${bundle_ms} ms)" || bad "bundle --smoke"
source_ms=$(median_ms .venv/bin/python -m salesdesk --smoke) && ok "python -m salesdesk --smoke (${source_ms} ms)" || bad "source --smoke"

echo "== per-employee archive"
cat >"$tmp/starter.csv" <<'CSV'
company,kana,stage,phone,email,notes
株式会社テスト商事,テストショウジ,lead,03-1234-5678,info@test-shoji.co.jp,初回訪問予定
山田工業株式会社,ヤマダコウギョウ,hearing,06-9876-5432,,
CSV
.venv/bin/python -m salesdesk.packaging build --reuse --employee-name "山田 太郎" \
  --email taro.yamada@example.co.jp --company "東京営業所" --phone 090-1234-5678 --lang ja \
  --prospects "$tmp/starter.csv" --out "$tmp/out"
name=SalesDesk-$version-yamada-taro-linux-$(uname -m)
archive=$tmp/out/$name.tar.gz
check "archive named for the employee: $name.tar.gz" test -f "$archive"
archive_mb=$(( ($(stat -c %s "$archive") + 999999) / 1000000 ))
check "archive ${archive_mb} MB <= 80 MB" test "$archive_mb" -le 80

echo "== install into a clean HOME"
home=$tmp/home
mkdir -p "$home"
tar -xzf "$archive" -C "$tmp"
as_rep() { env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u SALESDESK_DATA_DIR HOME="$home" "$@"; }
SALESDESK_ALLOW_ROOT=1 as_rep sh "$tmp/$name/install.sh"
entry=$home/.local/share/applications/salesdesk.desktop
check "menu entry installed" test -f "$entry"
check "icon installed" test -f "$home/.local/share/icons/hicolor/256x256/apps/salesdesk.png"
check "~/.local/bin/salesdesk links to the program" test -x "$home/.local/bin/salesdesk"
if command -v desktop-file-validate >/dev/null; then
  check "desktop entry valid" desktop-file-validate "$entry"
fi
exec_path=$(sed -n 's/^Exec="\([^"]*\)".*/\1/p' "$entry")
check "Exec line points at the installed program" test -x "$exec_path"
data=$home/.local/share/SalesDesk
t0=$(ms)
as_rep "$exec_path" --smoke --data-dir "$data" >"$tmp/first.out" 2>"$tmp/first.err" || cat "$tmp/first.err"
first_ms=$(( $(ms) - t0 ))
cat "$tmp/first.out"
check "first start: window title shows the rep's name (${first_ms} ms)" \
  grep -qx "window title: SalesDesk — 山田 太郎" "$tmp/first.out"
check "first start: profile adopted into the data folder" \
  grep -q '"name": "山田 太郎"' "$data/profile.json"
check "first start: starter prospects added" grep -qx "prospects: 2" "$tmp/first.out"
check "bundle carries desktop notifications" \
  grep -qx "notifications: desktop-notifier (D-Bus)" "$tmp/first.out"
check "bundle serves the calendar feed" grep -qx "calendar feed: ok" "$tmp/first.out"
check "first start: language from the profile" grep -q '"language": "ja"' "$data/settings.json"
as_rep "$home/.local/bin/salesdesk" prospect list >"$tmp/list.out"
check "headless command through ~/.local/bin finds the starter list" grep -q "テスト商事" "$tmp/list.out"

echo "== uninstall"
as_rep sh "$home/.local/share/salesdesk-app/uninstall.sh"
check "program, link and entry removed" bash -c \
  "test ! -e '$home/.local/share/salesdesk-app' && test ! -e '$home/.local/bin/salesdesk' && test ! -e '$entry'"
check "the rep's data is kept" test -f "$data/salesdesk.sqlite3"

echo
echo "| measure | value |"
echo "|---|---|"
echo "| bundle build (translations + PyInstaller) | ${build_s} s |"
echo "| one-dir bundle | ${onedir_mb} MB |"
echo "| per-employee archive (.tar.gz) | ${archive_mb} MB |"
echo "| --smoke, frozen bundle (median of 3) | ${bundle_ms:-?} ms |"
echo "| --smoke, python -m salesdesk (median of 3) | ${source_ms:-?} ms |"
echo
echo "packaging: $passed passed, $failed failed"
test "$failed" -eq 0
