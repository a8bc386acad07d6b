#!/usr/bin/env bash
# Front-end budget: first load of the signed-in dashboard, Release build (published, so static assets are
# precompressed and fingerprinted as in production), SQLite, headless Debian Chromium over loopback.
#   bench/frontend.sh [runs]     (default 5 runs; needs Node 20 + npm for playwright-core, and /usr/bin/chromium)
# Prints a table: metric, median, best, worst, spec target, our target, result (pass = our target met, "spec" = only
# the original specification's met, MISS = not even that; docs/specification.md §7). Loopback has no network latency: real links add round trips.
# Reports; never fails the build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
OUT="$(mktemp -d /tmp/ua-bench.XXXXXX)"
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; rm -rf "$OUT"; }
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[ -x "${UA_CHROMIUM:-/usr/bin/chromium}" ] || { echo "needs Chromium: apt-get install -y --no-install-recommends chromium" >&2; exit 0; }
echo "installing playwright-core (npm, no browser download)..." >&2
mkdir -p "$OUT/node" && cp "$ROOT/bench/frontend.mjs" "$OUT/node/"
( cd "$OUT/node" && npm init -y >/dev/null && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --silent --no-audit --no-fund playwright-core@1.65.1 >/dev/null )

echo "publishing Release build..." >&2
dotnet publish "$ROOT/src/App/UpworkAssistant.App.csproj" -c Release -o "$OUT/app" -nologo -v quiet /p:UseAppHost=false >/dev/null

p="$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')"
mkdir -p "$OUT/data"
( cd "$OUT/app" && Database__DataDirectory="$OUT/data" ASPNETCORE_ENVIRONMENT=Production App__PublicUrl=http://127.0.0.1 Upwork__Demo__Enabled=true \
    Auth__JwtSigningKey="bench-only-signing-key-0123456789abcdefghijklmnop" \
    Auth__SetupToken="bench-setup-token" \
    Security__EncryptionKeys__1="MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" \
    exec dotnet UpworkAssistant.App.dll --urls "http://127.0.0.1:$p" >"$OUT/app.log" 2>&1 ) &
PID=$!
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$p/health/ready" && break; sleep 0.1; done
curl -fs -o /dev/null "http://127.0.0.1:$p/health/ready" || { echo "app not ready; log:" >&2; tail -20 "$OUT/app.log" >&2; exit 0; }

echo "measuring $RUNS runs..." >&2
( cd "$OUT/node" && node frontend.mjs "http://localhost:$p" "$RUNS" ) > "$OUT/runs.jsonl"
cat "$OUT/runs.jsonl" >&2

echo
echo "machine: $(nproc) cores, $(uname -sr), .NET $(dotnet --version), $(${UA_CHROMIUM:-/usr/bin/chromium} --version 2>/dev/null | head -1); runs: $RUNS"
python3 - "$OUT/runs.jsonl" <<'PY'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
def col(path):
    v = runs
    return [r[path[0]][path[1]] for r in runs]
rows = [
    # name, values, unit, scale, spec target, our target
    ("transferred, first load (KB)", [b / 1024 for b in col(("cold", "bytes"))], "KB", 500, 400),
    ("first contentful paint (ms)", col(("cold", "fcp")), "ms", 1500, 1000),
    ("time to interactive (ms)", col(("cold", "tti")), "ms", 3000, 1500),
    ("transferred, repeat visit (KB)", [b / 1024 for b in col(("warm", "bytes"))], "KB", None, None),
    ("requests, first load", col(("cold", "requests")), "", None, None),
]
print(f"{'metric':32} {'median':>9} {'best':>9} {'worst':>9} {'spec':>9} {'ours':>9}  result")
for name, values, unit, spec, ours in rows:
    med, best, worst = statistics.median(values), min(values), max(values)
    if spec is None:
        verdict, s, o = "(info)", "-", "-"
    else:
        verdict = "pass" if med <= ours else ("spec" if med <= spec else "MISS")
        s, o = f"<= {spec}", f"<= {ours}"
    print(f"{name:32} {med:9.0f} {best:9.0f} {worst:9.0f} {s:>9} {o:>9}  {verdict}")
    if spec is not None:   # a row for bench/run
        print(f"ROW|front end: {name.split(' (')[0]}, median of {len(values)}|{med:.0f} {unit}|<= {spec} {unit}|<= {ours} {unit}|{'pass' if verdict == 'pass' else 'MISS'}")
PY
