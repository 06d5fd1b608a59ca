#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright drives it; never `playwright install`).
# Installs only when missing and when we may (root); otherwise the browser tests skip with a reason.
set -eu
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "install_chromium: /usr/bin/chromium missing and not root: browser tests will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium >/dev/null
