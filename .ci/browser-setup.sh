#!/usr/bin/env bash
# Installs what the dashboard's browser test (streams-app/src/test/java/com/regionalmetrics/http/
# DashboardBrowserIT.java) needs, when missing: Debian's Chromium, ChromeDriver and a CJK font
# (without one, Chinese renders as empty boxes in the screenshot).
# Idempotent: only reports when everything is there.
# Exit 0: chromium and chromedriver are installed and answer --version; 1: they are not (the
# reason is printed). .ci/run reports that as FAILED and requires the browser test anyway
# (-Dit.required=browser), so the test fails with the reason instead of skipping.
set -uo pipefail

missing=()
for pkg in chromium chromium-driver fonts-noto-cjk; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "browser-setup: chromium, chromium-driver and fonts-noto-cjk already installed"
elif [ "$(id -u)" != 0 ]; then
  echo "browser-setup: missing ${missing[*]} and not root: cannot install them"
else
  echo "browser-setup: installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    echo "browser-setup: installed ${missing[*]}"
  else
    echo "browser-setup: apt-get failed"
  fi
fi
ok=0
for bin in chromium chromedriver; do
  if version=$("$bin" --version 2>/dev/null); then
    echo "  $version"
  else
    echo "browser-setup: FAILED: $bin is not installed or does not run: the browser test cannot run"
    ok=1
  fi
done
exit $ok
