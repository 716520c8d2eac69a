#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh --tests
echo "test: building and running the tests (debug)" >&2
swift test 2>&1
