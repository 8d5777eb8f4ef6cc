#!/usr/bin/env bash
# Check the built bundle (dist/epay-desktop/, from scripts/package.sh) on a fresh Debian without Python:
# a bookworm minbase made with debootstrap, plus only the graphics and font packages every desktop has
# (PyInstaller leaves the system's GL/EGL to the machine). Runs packaging/check_bundle.py against the
# bundle inside the chroot: --version, the sandbox answers a token request, the demo console starts
# offscreen. Root only (debootstrap, chroot, mounts); needs Debian's package mirror. Not part of CI.
#
#   sudo packaging/check-fresh-debian.sh [ROOTFS_DIR]     # default: a temporary folder, removed after
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf 'fresh-debian: %s\n' "$*" >&2; }
[ "$(id -u)" = 0 ] || { say "run as root (debootstrap and chroot need it)"; exit 2; }
command -v debootstrap >/dev/null || { say "install debootstrap first: apt-get install debootstrap"; exit 2; }
[ -x dist/epay-desktop/epay-desktop ] || { say "build the bundle first: ./scripts/package.sh"; exit 2; }
# The packages a desktop Debian already has and the bundle relies on (docs/install.md).
RUNTIME_DEBS="libgl1 libegl1 fontconfig fonts-dejavu-core"

root="${1:-}"
keep=1
if [ -z "$root" ]; then root="$(mktemp -d /tmp/epay-fresh-XXXXXX)"; keep=0; fi
shared="$(mktemp -d /tmp/epay-fresh-run-XXXXXX)"  # the same path inside and outside the chroot
cleanup() {
    for m in "$root$shared" "$root/dev" "$root/proc"; do mountpoint -q "$m" && umount "$m"; done
    rm -rf "$shared"
    [ "$keep" = 1 ] || rm -rf --one-file-system "$root"
}
trap cleanup EXIT

if [ ! -x "$root/usr/bin/apt-get" ]; then
    say "debootstrap bookworm (minbase) into $root"
    debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
fi
if chroot "$root" sh -c 'command -v python3 || command -v python' >/dev/null; then
    say "$root has a Python; this check is for a machine without one"; exit 1
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
chroot "$root" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends $RUNTIME_DEBS" >/dev/null 2>&1 || { say "apt-get in the chroot failed"; exit 1; }
rm -rf "$root/opt/epay-desktop"
cp -a dist/epay-desktop "$root/opt/epay-desktop"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mkdir -p "$root$shared"
mount --bind "$shared" "$root$shared"
cat > "$shared/epay-desktop" <<WRAP
#!/bin/sh
exec chroot "$root" /usr/bin/env -i HOME="\$HOME" PATH=/usr/bin:/bin TMPDIR="$shared" \
    EPAYMENT_HOME="\$EPAYMENT_HOME" XDG_CONFIG_HOME="\$XDG_CONFIG_HOME" QT_QPA_PLATFORM="\${QT_QPA_PLATFORM:-}" \
    /opt/epay-desktop/epay-desktop "\$@"
WRAP
chmod +x "$shared/epay-desktop"
say "no Python in the chroot; running the bundle there"
TMPDIR="$shared" python3 packaging/check_bundle.py "$shared/epay-desktop"
say "done: the bundle runs on a fresh Debian bookworm without Python (+ $RUNTIME_DEBS)"
