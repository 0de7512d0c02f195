#!/usr/bin/env bash
# Installs what the dashboard's browser test (streams-app/src/test/java/com/regionalmetrics/http/
# DashboardBrowserIT.java) needs, when missing: Debian's Chromium, ChromeDriver and a CJK font
# (without one, Chinese renders as empty boxes in the screenshot).
# Idempotent: only reports when everything is there. Never fatal: without a browser the
# browser test skips and says why.
set -uo pipefail

missing=()
for pkg in chromium chromium-driver fonts-noto-cjk; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "browser-setup: chromium, chromium-driver and fonts-noto-cjk already installed"
elif [ "$(id -u)" != 0 ]; then
  echo "browser-setup: missing ${missing[*]} and not root: the browser test will skip"
else
  echo "browser-setup: installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    echo "browser-setup: installed ${missing[*]}"
  else
    echo "browser-setup: apt-get failed: the browser test will skip"
  fi
fi
command -v chromium >/dev/null && echo "  $(chromium --version 2>/dev/null)"
command -v chromedriver >/dev/null && echo "  $(chromedriver --version 2>/dev/null)"
exit 0
