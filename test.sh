#!/usr/bin/env bash
# Runs Greenroom's whole test suite: builds everything, then every test project.
# Tests that read the real Backstage files find them through GREENROOM_CORPUS (default: ../shared/corpus).
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${GREENROOM_CORPUS:-}" ] && [ -d ../shared/corpus ]; then
  GREENROOM_CORPUS="$(cd ../shared/corpus && pwd)"
fi
export GREENROOM_CORPUS="${GREENROOM_CORPUS:-}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The end-to-end tests drive Debian's Chromium (tests/Greenroom.EndToEnd). Installed here when missing and run as root.
if [ -z "${GREENROOM_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Chromium for the end-to-end tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install it (sudo apt-get install -y chromium) or set GREENROOM_CHROMIUM; the end-to-end tests will fail without it." >&2
  fi
fi

dotnet build Greenroom.slnx -c Release -warnaserror 2>&1 | tail -n 3
log="$(mktemp)"
status=0
dotnet test Greenroom.slnx -c Release --no-build 2>&1 | tee "$log" || status=$?

# One plain closing line for whoever reads the log.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
