#!/usr/bin/env bash
# Open the epay-desktop console in demo mode: the built-in sandbox gateway, demo users and a few
# hundred past payments (seeded once into the demo folder). Creates/refreshes .venv first.
# Demo users: Айгерим (cashier, PIN 1111), Ержан (cashier, PIN 3333), Данияр (manager, PIN 2222).
# Extra arguments go to epay-desktop, e.g. --demo-home /tmp/epay-demo for a fresh, throw-away folder.
# On a fresh Debian/Ubuntu it installs (as root) or names (otherwise) the system libraries Qt needs to
# show windows: docs/fresh-machine.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_env.sh
if [ -z "${QT_QPA_PLATFORM:-}" ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    say "no display: DISPLAY and WAYLAND_DISPLAY are not set, so the console has nowhere to open its window; run it on a desktop, or set QT_QPA_PLATFORM=offscreen for a headless check"
    exit 2
fi
case "${QT_QPA_PLATFORM:-}" in
    offscreen* | minimal*) ensure_system_libs ;;
    *) ensure_system_libs --display ;;
esac
make_venv .venv ""
exec .venv/bin/epay-desktop --demo "$@"
