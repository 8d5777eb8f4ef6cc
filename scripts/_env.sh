# Shared by scripts/demo.sh and scripts/test.sh: find Python 3.11+, make sure the system
# libraries Qt needs are there, and create or refresh a virtual environment.
# Sourced, not run.

say() { printf 'epay-desktop: %s\n' "$*" >&2; }

find_python() {
    for cand in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
        [ -n "$cand" ] || continue
        command -v "$cand" >/dev/null 2>&1 || continue
        if "$cand" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
            echo "$cand"
            return 0
        fi
    done
    say "Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11 if it is not on PATH)."
    return 1
}

# soname:debian-package[|alternative] (alternatives: Ubuntu 24.04's "t64" renames come first).
# Set 1: what Qt offscreen + QtWebEngine load (the tests, docs/stack-notes).
QT_LIBS="libglib-2.0.so.0:libglib2.0-0t64|libglib2.0-0 libEGL.so.1:libegl1 libGL.so.1:libgl1
libX11.so.6:libx11-6 libdbus-1.so.3:libdbus-1-3 libfontconfig.so.1:libfontconfig1
libfreetype.so.6:libfreetype6 libxkbcommon.so.0:libxkbcommon0 libnss3.so:libnss3
libXcomposite.so.1:libxcomposite1 libXdamage.so.1:libxdamage1 libXrandr.so.2:libxrandr2
libXtst.so.6:libxtst6 libasound.so.2:libasound2t64|libasound2 libxkbfile.so.1:libxkbfile1"
# Set 2: what a window on a real X display needs on top (docs/fresh-machine.md: the NEEDED closure of
# Qt's xcb plugin, its GL integrations, QtWebEngineProcess and the printing plugin), and one font.
QT_DISPLAY_LIBS="libxcb-cursor.so.0:libxcb-cursor0 libxkbcommon-x11.so.0:libxkbcommon-x11-0
libxcb-icccm.so.4:libxcb-icccm4 libxcb-image.so.0:libxcb-image0 libxcb-keysyms.so.1:libxcb-keysyms1
libxcb-randr.so.0:libxcb-randr0 libxcb-render-util.so.0:libxcb-render-util0
libxcb-render.so.0:libxcb-render0 libxcb-shape.so.0:libxcb-shape0 libxcb-shm.so.0:libxcb-shm0
libxcb-sync.so.1:libxcb-sync1 libxcb-util.so.1:libxcb-util1 libxcb-xfixes.so.0:libxcb-xfixes0
libxcb-xkb.so.1:libxcb-xkb1 libxcb-glx.so.0:libxcb-glx0 libxcb-dri3.so.0:libxcb-dri3-0
libX11-xcb.so.1:libx11-xcb1 libxcb.so.1:libxcb1 libXext.so.6:libxext6 libXfixes.so.3:libxfixes3
libgbm.so.1:libgbm1 libnspr4.so:libnspr4 libexpat.so.1:libexpat1 libcups.so.2:libcups2t64|libcups2
libgssapi_krb5.so.2:libgssapi-krb5-2 libbrotlidec.so.1:libbrotli1
DejaVuSans.ttf:fonts-dejavu-core"

# installed PKG[|ALT...]: one of them is installed (dpkg's "ii"), or, without dpkg, its file is known.
deb_installed() {
    local alt
    for alt in ${1//|/ }; do
        [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$alt" 2>/dev/null)" = "ii " ] && return 0
    done
    return 1
}

# The name apt-get should install for PKG[|ALT...]: the first alternative this system's apt knows.
deb_installable() {
    local alt
    for alt in ${1//|/ }; do
        if command -v apt-cache >/dev/null 2>&1 &&
            apt-cache show --no-all-versions "$alt" 2>/dev/null | grep -q '^Package:'; then
            echo "$alt"
            return 0
        fi
    done
    echo "${1##*|}"  # none known (no package lists yet): the Debian name
}

# missing_debs [--display]: the Debian packages whose libraries are missing (set 1, plus set 2 with
# --display). dpkg-query decides on Debian/Ubuntu; elsewhere the loader cache (ldconfig -p) or fc-list.
missing_debs() {
    local cache="" pair so pkg out="" ldconfig_bin="" list="$QT_LIBS"
    [ "${1:-}" = "--display" ] && list="$QT_LIBS $QT_DISPLAY_LIBS"
    if command -v dpkg-query >/dev/null 2>&1; then
        for pair in $list; do
            pkg=${pair#*:}
            deb_installed "$pkg" || out="$out $pkg"
        done
        echo "$out"
        return 0
    fi
    # Normal users on Debian do not have /sbin on their PATH; ldconfig lives there.
    for cand in ldconfig /sbin/ldconfig /usr/sbin/ldconfig; do
        if command -v "$cand" >/dev/null 2>&1; then
            ldconfig_bin=$(command -v "$cand")
            break
        fi
    done
    [ -n "$ldconfig_bin" ] || return 0  # cannot tell: let the imports speak for themselves
    cache=$("$ldconfig_bin" -p 2>/dev/null || true)
    [ -n "$cache" ] || return 0
    for pair in $list; do
        so=${pair%%:*}
        pkg=${pair#*:}
        case "$so" in *.ttf) continue ;; esac
        printf '%s' "$cache" | grep -qF "$so" || out="$out ${pkg##*|}"
    done
    echo "$out"
}

# ensure_system_libs [--display] [EXTRA-DEB...]: installs the missing libraries (apt-get, non-interactive)
# when we are root on Debian/Ubuntu; otherwise prints the one line to run and returns 1. A machine that
# has everything installs nothing.
ensure_system_libs() {
    local need="" mode="" pkg names=""
    if [ "${1:-}" = "--display" ]; then
        mode="--display"
        shift
    fi
    need="$(missing_debs $mode)"
    for pkg in "$@"; do
        if command -v dpkg-query >/dev/null 2>&1; then
            deb_installed "$pkg" || need="$need $pkg"
        fi
    done
    need="$(echo $need)"
    [ -z "$need" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || true
        for pkg in $need; do names="$names $(deb_installable "$pkg")"; done
        names="$(echo $names)"
        say "installing system libraries: $names"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $names >/dev/null ||
            { say "apt-get failed; run: apt-get install -y --no-install-recommends $names"; return 1; }
    else
        for pkg in $need; do names="$names $(deb_installable "$pkg")"; done
        names="$(echo $names)"
        say "missing system libraries (Qt needs them to show its windows). Install them with:"
        say "  sudo apt-get install -y --no-install-recommends $names"
        say "then run this again (other systems: install the equivalents of these Debian packages)."
        return 1
    fi
}

# make_venv DIR EXTRAS: create DIR if needed and (re)install the project when pyproject.toml changed.
make_venv() {
    local dir="$1" extras="$2" py stamp want
    py="$(find_python)" || return 1
    if [ ! -x "$dir/bin/python" ]; then
        say "creating virtual environment $dir"
        if ! "$py" -m venv "$dir" 2>/dev/null; then
            rm -rf "$dir"
            if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
                pyv="$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
                DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
                DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv "python${pyv}-venv" >/dev/null 2>&1 ||
                    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
                "$py" -m venv "$dir" || return 1
            else
                say "cannot create a virtual environment; install python3-venv (sudo apt-get install python3-venv)"
                return 1
            fi
        fi
    fi
    stamp="$dir/.epay-stamp"
    want="$(cat pyproject.toml | sha256sum | cut -c1-16)-$extras"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        say "installing dependencies into $dir (first time: a few minutes, Qt is large)"
        "$dir/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip 2>/dev/null | grep -v '^WARNING: Location' || true
        local spec="."
        [ -n "$extras" ] && spec=".[$extras]"
        local rc=0 log
        log="$(mktemp)"
        "$dir/bin/python" -m pip install -q --disable-pip-version-check -e "$spec" >"$log" 2>&1 || rc=$?
        grep -v -e '^WARNING: Location' -e 'is ignored: it is neither' "$log" >&2 || true
        rm -f "$log"
        # Imported from / so that the source tree in the current folder cannot stand in for the install.
        if [ "$rc" != 0 ] || [ ! -x "$dir/bin/epay-desktop" ] ||
            ! (py_abs="$(cd "$dir" && pwd)/bin/python" && cd / && "$py_abs" -c 'import epay_desktop, PySide6'); then
            say "installing the dependencies into $dir failed (pip's messages are above); fix that and run this again"
            return 1
        fi
        echo "$want" > "$stamp"
    fi
}
