#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (tests/integration/explorer.test.ts).
# The tests drive it with playwright-core at /usr/bin/chromium; no browser is downloaded by npm.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "Chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-liberation
/usr/bin/chromium --version || true
