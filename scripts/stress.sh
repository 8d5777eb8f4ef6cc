#!/usr/bin/env bash
# The stress suites' LONG profile (docs/stress.md): a kill -9 storm of 1,000 workloads, the money state
# machine at 500 examples x 50 steps and 10,000 fuzzed gateway answers. Each suite prints its figures
# as one JSON line; they are also appended to stress-figures.jsonl (or $EPAY_STRESS_FIGURES).
# Arguments go to pytest, e.g. ./scripts/stress.sh tests/stress/test_gateway_fuzz.py
# The short profile runs inside the normal test run (scripts/test.sh) without this script.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/_env.sh
make_venv .venv-dev "dev" || exit 1
export QT_QPA_PLATFORM=offscreen QT_API=pyside6
export EPAY_STRESS=long
export EPAY_STRESS_FIGURES="${EPAY_STRESS_FIGURES:-$PWD/stress-figures.jsonl}"
[ $# -gt 0 ] || set -- tests/stress
exec nice -n "${EPAY_STRESS_NICE:-10}" .venv-dev/bin/python -m pytest -q -p no:cacheprovider "$@"
