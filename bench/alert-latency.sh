#!/usr/bin/env bash
# Ingest-to-DOM latency of a matching job in a real Chromium page (Playwright + Debian's /usr/bin/chromium), SQLite.
#   bench/alert-latency.sh [jobs=100]      target p99 < 500 ms. Reports; never fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export ASPNETCORE_TEST_CONTENTROOT_UPWORKASSISTANT_APP="$PWD/src/App" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ -x "${UA_CHROMIUM:-/usr/bin/chromium}" ] || apt-get install -y -qq --no-install-recommends chromium >/dev/null
JOBS="${1:-100}"; [ "${UA_BENCH_QUICK:-0}" = 1 ] && JOBS="${1:-20}"
dotnet run -c Release --project bench/IngestBench -- alerts "$JOBS" 2>&1 | grep -v -E "^(info|warn|dbug):|^      " || true
