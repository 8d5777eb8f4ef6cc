#!/usr/bin/env bash
# Issue 10's figures P1-P7, each beside its floor, as JSON lines on stdout and a table on stderr:
#   ./scripts/bench.sh [--size 1000000] [--runs N] [--only P2,P4] [--postgres] [--out FILE] [--smoke]
# Creates/refreshes .venv-dev (as scripts/test.sh does). Run it on an idle machine: see
# benchmarks/README.md and docs/performance.md. The first run at a size generates its data set
# (~1.5 min for a million payments) and keeps it under ~/.cache/epay-desktop-bench.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/_env.sh
case " $* " in
    *" --postgres "*) ensure_system_libs postgresql || exit 1 ;;  # P2 on a throwaway server
    *) ensure_system_libs || exit 1 ;;
esac
make_venv .venv-dev "dev" || exit 1
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
# The benchmark processes run Qt headless; like the tests (never the shipped app), Chromium's sandbox
# is off so QtWebEngine can start as root where a figure needs it.
export QTWEBENGINE_DISABLE_SANDBOX=1
export QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu --log-level=3"
exec .venv-dev/bin/python -m benchmarks.run "$@"
