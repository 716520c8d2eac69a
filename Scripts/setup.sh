#!/usr/bin/env bash
# Installs the Debian packages Obscura needs (only those missing), then builds
# the release `obscura` at .build/release/obscura. With --tests it also
# installs what the test suite needs beyond that: a CJK font, so the tests of
# falling back to system fonts see real glyphs.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(pkg-config libcairo2-dev libpango1.0-dev libpng-dev libopenblas-dev
  fontconfig)
if [ "${1:-}" = "--tests" ]; then
  packages+=(fonts-noto-cjk)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

command -v swift >/dev/null || { echo "setup: the Swift toolchain is not on PATH" >&2; exit 1; }

echo "setup: building obscura (release)" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! swift build -c release --product obscura >"$log" 2>&1; then
  grep -E "error:" -A3 "$log" >&2 || tail -n 40 "$log" >&2
  echo "setup: build failed (full log above)" >&2
  exit 1
fi
echo "setup: built .build/release/obscura" >&2

# The first sketch compiled on a machine also builds Clang's module cache for
# the Cairo and Pango headers (a few seconds, once); do it here, on a throwaway
# sketch from the template, so the first real `obscura run` starts warm.
warm=$(mktemp -d)
trap 'rm -f "$log"; rm -rf "$warm"' EXIT
if .build/release/obscura new "$warm/warm-up.swift" >/dev/null 2>&1 &&
  .build/release/obscura run "$warm/warm-up.swift" --dpi 10 --out "$warm" >/dev/null 2>&1; then
  echo "setup: sketch compiler ready" >&2
else
  echo "setup: warning: compiling a test sketch failed; 'obscura run' will say why" >&2
fi
