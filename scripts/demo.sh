#!/usr/bin/env bash
# Open the epay-desktop console in demo mode: the built-in sandbox gateway, demo users and a few
# hundred past payments (seeded once into the demo folder). Creates/refreshes .venv first.
# Demo users: Айгерим (cashier, PIN 1111), Ержан (cashier, PIN 3333), Данияр (manager, PIN 2222).
# Extra arguments go to epay-desktop, e.g. --demo-home /tmp/epay-demo for a fresh, throw-away folder.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_env.sh
ensure_system_libs
make_venv .venv ""
exec .venv/bin/epay-desktop --demo "$@"
