#!/usr/bin/env bash
# Builds the Debian package, the RPM and the tarball from the build the tests ran on, checks
# them (lintian, contents, dependencies), then tries the Debian package as an administrator
# would: dpkg -i, driftctl and its manual page from the installed paths, the main job on the
# sample exports in a temporary home, driftdesk started from the desktop entry's Exec line on
# the offscreen platform (it renders its pages and quits by itself), dpkg --purge, and a check
# that only the user's data is left behind.
# Needs root for dpkg (CI runs as root); refuses to touch a driftdesk package already installed.
# Prints how long each step took.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${DRIFTDESK_BUILD_DIR:-$root/build}

fail() {
    echo "error: $*" >&2
    exit 1
}
started=$(date +%s)
step() { echo "== [$(($(date +%s) - started)) s] $*"; }

[ "$(id -u)" -eq 0 ] || fail "dpkg -i needs root; run this as root (CI does)"
if dpkg-query -W -f='${Status}' driftdesk 2>/dev/null | grep -q "install ok installed"; then
    fail "a driftdesk package is already installed here; remove it (dpkg --purge driftdesk) first"
fi

"$root/scripts/install-deps.sh"
# What only this test needs: the package checkers.
for tool in lintian:lintian rpm:rpmbuild; do
    if ! command -v "${tool#*:}" >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${tool%%:*}" >/dev/null
    fi
done
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build"

app_id=$(sed -n 's/^set(DRIFTDESK_APP_ID \(.*\))$/\1/p' "$root/CMakeLists.txt")
[ -n "$app_id" ] || fail "no DRIFTDESK_APP_ID in CMakeLists.txt"
work=$(mktemp -d /tmp/driftdesk-package-test.XXXXXX)
installed=0
cleanup() {
    # A failed check must not leave the package installed on the machine.
    if [ "$installed" -eq 1 ]; then
        dpkg --purge driftdesk >/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step "Packages (cpack: DEB, RPM, TGZ)"
packages="$build/packages"
rm -rf "$packages"
start=$(date +%s)
if ! (cd "$build" && cpack -G "DEB;RPM;TGZ" >"$work/cpack.log" 2>&1); then
    cat "$work/cpack.log" >&2
    exit 1
fi
echo "built in $(( $(date +%s) - start )) s:"
deb=$(ls "$packages"/driftdesk_*.deb)
rpm=$(ls "$packages"/driftdesk-*.rpm)
tgz=$(ls "$packages"/driftdesk-*.tar.gz)
ls -l "$deb" "$rpm" "$tgz" | awk '{print "  " $5 " bytes  " $9}'

step "Debian package: fields and lintian"
version=$(dpkg-deb -f "$deb" Version)
depends=$(dpkg-deb -f "$deb" Depends)
echo "Version: $version"
echo "Depends: $depends"
# dpkg-shlibdeps ran: the Qt libraries the programs link are named with their versions; the
# SQL drivers, which Qt loads at run time, are named by cpack.cmake.
for needed in "libqt6core6 (>=" "libqt6widgets6 (>=" "libpq5 (>=" libqt6sql6-sqlite \
    libqt6sql6-psql; do
    [[ "$depends" == *"$needed"* ]] || fail "Depends lacks $needed"
done
lintian --fail-on error,warning --display-info "$deb"

step "RPM and tarball: contents"
rpm -qp --queryformat '%{NAME} %{VERSION}-%{RELEASE} %{ARCH} %{LICENSE}\n' "$rpm"
rpm -qpl "$rpm" >"$work/rpm.files"
rpm -qp --requires "$rpm" >"$work/rpm.requires"
tar -tzf "$tgz" >"$work/tgz.files"
for path in /usr/bin/driftctl /usr/bin/driftdesk "/usr/share/applications/$app_id.desktop" \
    /usr/share/man/man1/driftctl.1.gz; do
    grep -qx "$path" "$work/rpm.files" || fail "the RPM lacks $path"
done
grep -q '^libQt6Core.so.6()(64bit)$' "$work/rpm.requires" || fail "the RPM requires no Qt"
grep -qx qt6-qtbase-postgresql "$work/rpm.requires" || fail "the RPM lacks the QPSQL driver"
grep -q '/bin/driftctl$' "$work/tgz.files" || fail "the tarball lacks driftctl"
mkdir "$work/tgz"
tar -xzf "$tgz" -C "$work/tgz"
"$work"/tgz/*/bin/driftctl --version

step "dpkg -i"
# Whatever carries the package's or the application's name, wherever the system keeps things.
# /var/cache/man is left out: man(1), run below as a user would, keeps the pages it formatted
# there on some machines, and man-db's daily job drops those whose source is gone.
named() {
    find /usr /etc /opt /var -xdev \( -iname "*driftdesk*" -o -iname "*driftctl*" \) \
        2>/dev/null | grep -v -e "^$work" -e "^/var/cache/man/" | sort || true
}
named >"$work/named.before"
find /usr /etc /opt -xdev 2>/dev/null | sort >"$work/before"
installed=1
dpkg -i "$deb"

# A newcomer's session: a fresh home, the system's PATH only, so the installed programs run.
home="$work/home"
mkdir -p "$home" "$work/runtime"
chmod 700 "$work/runtime"
as_user() {
    env -i HOME="$home" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
        XDG_RUNTIME_DIR="$work/runtime" "$@"
}

step "Installed paths"
[ "$(as_user sh -c 'command -v driftctl')" = /usr/bin/driftctl ] \
    || fail "driftctl is not /usr/bin/driftctl"
as_user driftctl --version | tee "$work/version"
grep -qx "driftctl ${version}\( (git .*)\)\?" "$work/version" \
    || fail "driftctl --version does not name the package version $version"
as_user driftctl --help >"$work/help"
for command in migrate "inventory import" capture compare findings runs; do
    grep -q "$command" "$work/help" || fail "driftctl --help does not mention $command"
done
as_user driftdesk --version
# The German translation is built into the program and chosen by the system locale.
as_user env LANG=de_DE.UTF-8 driftdesk --help | grep -q "Konfigurationsabweichungen" \
    || fail "driftdesk --help is not German under LANG=de_DE.UTF-8"

[ "$(as_user man -w driftctl)" = /usr/share/man/man1/driftctl.1.gz ] || fail "man -w driftctl"
as_user env MANWIDTH=80 man --warnings driftctl >"$work/man.txt" 2>"$work/man.err"
[ ! -s "$work/man.err" ] || { cat "$work/man.err" >&2; fail "man driftctl warns"; }
grep -q "EXIT STATUS" "$work/man.txt" || fail "man driftctl has no EXIT STATUS section"
as_user man -w driftdesk >/dev/null

desktop="/usr/share/applications/$app_id.desktop"
desktop-file-validate "$desktop"
exec_line=$(sed -n 's/^Exec=//p' "$desktop")
[ "$(as_user sh -c "command -v ${exec_line%% *}")" = /usr/bin/driftdesk ] \
    || fail "the desktop entry's Exec ($exec_line) is not the installed driftdesk"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ "$icon" = "$app_id" ] || fail "the desktop entry's Icon is $icon, not $app_id"
[ -f "/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "no scalable icon"
for size in 16 24 32 48 64 128 256; do
    png="/usr/share/icons/hicolor/${size}x${size}/apps/$icon.png"
    [ -f "$png" ] || fail "no $png"
    # A PNG's width and height are big-endian 32-bit numbers at bytes 16 and 20.
    read -r width height < <(od -An -tu1 -j16 -N8 "$png" \
        | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
    [ "$width $height" = "$size $size" ] || fail "$png is ${width}x$height"
done
appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml"

step "The main job with the installed driftctl (default workspace in a temporary home)"
db="$home/.local/share/DriftDesk/DriftDesk/workspace.db"
as_user "$root/scripts/sample-workspace.sh" /usr/bin/driftctl "$db"
# Without --db the installed driftctl finds the same default workspace.
as_user driftctl findings list --tenant Fabrikam --format csv >"$work/findings.csv"
findings=$(($(wc -l <"$work/findings.csv") - 1))
[ "$findings" -gt 0 ] || fail "no findings for Fabrikam"
# The packaged program finds what the tested build finds.
"$build/app/driftctl/driftctl" --db "sqlite:$db" findings list --tenant Fabrikam --format csv \
    | cmp - "$work/findings.csv" || fail "the installed and the built driftctl disagree"
echo "$findings findings for Fabrikam, as from the build tree"

step "driftdesk from its desktop entry, on the offscreen platform"
# As the desktop starts it (the Exec line: no --db, so the default workspace of this home),
# with --screenshots, which renders the four pages and quits by itself.
as_user env QT_QPA_PLATFORM=offscreen $exec_line --screenshots "$work/shots" \
    >"$work/gui.log" 2>&1 || { cat "$work/gui.log" >&2; fail "driftdesk failed"; }
for page in tenants profiles findings runs; do
    [ -s "$work/shots/$page.png" ] || fail "driftdesk rendered no $page page"
done
settings="$home/.config/DriftDesk/DriftDesk.conf"
# It remembers the connection it used: a workspace file, with no path of its own (the default).
grep -qx "kind=file" "$settings" && grep -qx "file=" "$settings" \
    || { cat "$settings" >&2; fail "driftdesk did not open the default workspace file"; }
echo "opened the home's default workspace, rendered its four pages and quit by itself"

step "dpkg --purge"
# dpkg -L begins with "/.", the root: the one path of its list that is not the package's.
dpkg-query -L driftdesk | grep -vx "/\." | sort >"$work/owned"
dpkg --purge driftdesk
installed=0
# Every path the package owned is gone, but for folders that were there before (/usr/bin).
leftovers=$(comm -23 "$work/owned" "$work/before" | while read -r path; do
    if [ -e "$path" ]; then echo "$path"; fi
done)
# Nor is anything else with its name left, such as dpkg's records of it. System caches that
# dpkg's triggers rebuild (icons, desktop entries, manual pages) name no package.
named >"$work/named.after"
new=$(comm -13 "$work/named.before" "$work/named.after")
if [ -n "$leftovers$new" ]; then
    fail "left behind after dpkg --purge:"$'\n'"$leftovers$new"
fi
echo "$(wc -l <"$work/owned") paths of the package checked, none left"
[ -s "$db" ] || fail "the user's workspace is gone"
echo "nothing left but the user's data: $(cd "$home" && find . -type f | sort | tr '\n' ' ')"
step "Packages checked: $(basename "$deb") $(basename "$rpm") $(basename "$tgz")"
