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

# soname -> Debian package. Sets 1 and 2 of docs/stack-notes: Qt offscreen + QtWebEngine.
QT_LIBS="libglib-2.0.so.0:libglib2.0-0 libEGL.so.1:libegl1 libGL.so.1:libgl1 libX11.so.6:libx11-6
libdbus-1.so.3:libdbus-1-3 libfontconfig.so.1:libfontconfig1 libfreetype.so.6:libfreetype6
libxkbcommon.so.0:libxkbcommon0 libnss3.so:libnss3 libXcomposite.so.1:libxcomposite1
libXdamage.so.1:libxdamage1 libXrandr.so.2:libxrandr2 libXtst.so.6:libxtst6 libasound.so.2:libasound2
libxkbfile.so.1:libxkbfile1"

missing_debs() {
    local cache pair so pkg out="" ldconfig_bin
    # Normal users on Debian do not have /sbin on their PATH; ldconfig lives there.
    ldconfig_bin=""
    for cand in ldconfig /sbin/ldconfig /usr/sbin/ldconfig; do
        if command -v "$cand" >/dev/null 2>&1; then
            ldconfig_bin=$(command -v "$cand")
            break
        fi
    done
    [ -n "$ldconfig_bin" ] || return 0  # cannot tell: let the imports speak for themselves
    cache=$("$ldconfig_bin" -p 2>/dev/null || true)
    [ -n "$cache" ] || return 0
    for pair in $QT_LIBS; do
        so=${pair%%:*}
        pkg=${pair##*:}
        printf '%s' "$cache" | grep -qF "$so" || out="$out $pkg"
    done
    echo "$out"
}

# Installs missing Qt libraries when we are root on Debian/Ubuntu; otherwise prints the line to run.
ensure_system_libs() {
    local need extra="$*"
    need="$(missing_debs)"
    for pkg in $extra; do
        if command -v dpkg >/dev/null 2>&1; then
            dpkg -s "$pkg" >/dev/null 2>&1 || need="$need $pkg"
        fi
    done
    need="$(echo $need)"
    [ -z "$need" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing system libraries: $need"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null ||
            { say "apt-get failed; run: apt-get install -y --no-install-recommends $need"; return 1; }
    else
        say "missing system libraries. Install them with:"
        say "  sudo apt-get install -y --no-install-recommends $need"
        say "(other systems: install the equivalents of these Debian packages)"
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
        "$dir/bin/python" -m pip install -q --disable-pip-version-check -e "$spec" 2>&1 |
            grep -v -e '^WARNING: Location' -e 'is ignored: it is neither' >&2 || true
        "$dir/bin/python" -c 'import epay_desktop' || { say "installation failed"; return 1; }
        echo "$want" > "$stamp"
    fi
}
