#!/usr/bin/env bash
# Takes the README's and docs' screenshots from the running app, so they never go stale:
#   scripts/screenshots.sh [output folder, default docs/screenshots]
# Publishes the Release build, starts it on an empty SQLite data folder with the labelled demo feed, creates the admin
# account with the one-time setup token, waits for demo jobs, and photographs the main pages in light and dark, on a
# desktop (1280×800) and a phone (390×844) viewport, with headless Chromium (Playwright; needs Node and npm for
# playwright-core, and /usr/bin/chromium or UA_CHROMIUM).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$(realpath -m "${1:-$ROOT/docs/screenshots}")"
WORK="$(mktemp -d /tmp/ua-shots.XXXXXX)"
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[ -x "${UA_CHROMIUM:-/usr/bin/chromium}" ] || { echo "needs Chromium: apt-get install -y --no-install-recommends chromium" >&2; exit 1; }
command -v npm >/dev/null || { echo "needs Node and npm (apt-get install -y nodejs npm)" >&2; exit 1; }
echo "installing playwright-core (npm, no browser download)..." >&2
mkdir -p "$WORK/node" && cp "$ROOT/scripts/screenshots.mjs" "$WORK/node/"
( cd "$WORK/node" && npm init -y >/dev/null && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --silent --no-audit --no-fund playwright-core@1.65.1 >/dev/null )

echo "publishing the Release build..." >&2
dotnet publish "$ROOT/src/App/UpworkAssistant.App.csproj" -c Release -o "$WORK/app" -nologo -v quiet /p:UseAppHost=false >/dev/null

port="$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')"
mkdir -p "$WORK/data"
( cd "$WORK/app" && Database__DataDirectory="$WORK/data" ASPNETCORE_ENVIRONMENT=Development \
    Upwork__Demo__Enabled=true Upwork__Demo__Interval=00:00:02 Upwork__Demo__InitialJobs=12 \
    exec dotnet UpworkAssistant.App.dll --urls "http://127.0.0.1:$port" >"$WORK/app.log" 2>&1 ) &
PID=$!
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" && break; sleep 0.1; done
curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" || { echo "app not ready; log:" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }

mkdir -p "$DEST"
( cd "$WORK/node" && node screenshots.mjs "http://127.0.0.1:$port" "$(cat "$WORK/data/setup-token")" "$DEST" )
echo "screenshots in $DEST:" >&2
ls -1 "$DEST" >&2
