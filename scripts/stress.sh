#!/usr/bin/env bash
# The stress suites' LONG profile (docs/stress.md): a kill -9 storm of 1,000 workloads, the money state
# machine at 500 examples x 50 steps and 10,000 fuzzed gateway answers. Each suite prints its figures
# as one JSON line; they are also appended to stress-figures.jsonl (or $EPAY_STRESS_FIGURES).
# Arguments go to pytest, e.g. ./scripts/stress.sh tests/stress/test_gateway_fuzz.py
# Creates/refreshes .venv-dev (as scripts/test.sh does); runs under nice -n 10 ($EPAY_STRESS_NICE).
# The short profile runs inside the normal test run (scripts/test.sh) without this script.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/_env.sh
ensure_system_libs || exit 1
make_venv .venv-dev "dev" || exit 1
# Like the tests (never the shipped app): headless Qt, Chromium's sandbox off so QtWebEngine loads as root.
export QT_QPA_PLATFORM=offscreen QT_API=pyside6
export QTWEBENGINE_DISABLE_SANDBOX=1
export QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu --log-level=3"
export EPAY_STRESS=long
export EPAY_STRESS_FIGURES="${EPAY_STRESS_FIGURES:-$PWD/stress-figures.jsonl}"
[ $# -gt 0 ] || set -- tests/stress
say "stress: long profile; figures appended to $EPAY_STRESS_FIGURES"
exec nice -n "${EPAY_STRESS_NICE:-10}" .venv-dev/bin/python -m pytest -q -p no:cacheprovider "$@"
