#!/usr/bin/env bash
# Run epay-desktop on the built-in sandbox gateway. Creates/refreshes .venv first.
# Until the desktop console lands, this starts the sandbox gateway and prints where it listens.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_env.sh
make_venv .venv ""
exec .venv/bin/epay-desktop sandbox "$@"
