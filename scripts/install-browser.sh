#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests, if it is missing and we may install packages.
# Without it the browser tests skip, saying why; nothing else depends on it.
set -uo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
  echo "note: chromium is not installed and this user cannot install it; the browser tests will skip" >&2; exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "note: no apt-get here; install Chromium yourself to run the browser tests" >&2; exit 0
fi
echo "installing Debian's chromium for the browser tests…" >&2
$SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
  || echo "note: installing chromium failed; the browser tests will skip" >&2
