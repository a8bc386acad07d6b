#!/usr/bin/env bash
# Assemblies loaded and resident memory of the embedded default (SQLite) at ready and after a first visitor's requests.
#   bench/assemblies.sh [app-dir]   (default: publishes the Release build, as bench/startup.sh does)
# "Loaded" = distinct *.dll files mapped into the process (/proc/<pid>/maps): what the runtime has opened, framework
# included. Also names the heavy libraries that should load only on first use (ML.NET, ONNX/MiniLM, the OpenAI and
# Anthropic SDKs, the mail client, Quartz's clustered store), if any is loaded at ready. Reports; never fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(mktemp -d /tmp/ua-bench.XXXXXX)"
APP_PID=""
trap '[ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; rm -rf "$OUT"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
APP="${1:-}"
if [ -z "$APP" ]; then
  echo "publishing Release build (ReadyToRun, as the container does)..." >&2
  dotnet publish "$ROOT/src/App/UpworkAssistant.App.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$OUT/app" -nologo -v quiet /p:UseAppHost=false >/dev/null
  APP="$OUT/app"
fi
PORT="$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')"
mkdir -p "$OUT/data"
( cd "$APP" && DOTNET_gcServer=0 Database__DataDirectory="$OUT/data" ASPNETCORE_ENVIRONMENT=Production App__PublicUrl=http://127.0.0.1 Jobs__Enabled=true \
    Auth__JwtSigningKey="bench-only-signing-key-0123456789abcdefghijklmnop" \
    Security__EncryptionKeys__1="MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" \
    exec dotnet UpworkAssistant.App.dll --urls "http://127.0.0.1:$PORT" >"$OUT/app.log" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 1200); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/health/ready" && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "app exited; log:" >&2; tail -20 "$OUT/app.log" >&2; exit 1; }
  sleep 0.1
done
dlls() { grep -oE '[^/ ]+\.dll$' "/proc/$APP_PID/maps" | sort -u; }
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$APP_PID/status"; }
heavy='^(Microsoft\.ML|Onnx|Microsoft\.ML\.OnnxRuntime|SentenceTransformers|Microsoft\.ML\.Tokenizers|OpenAI|Anthropic|MailKit|MimeKit|Quartz\.Serialization|Quartz\.Plugins)'
sleep 5
dlls >"$OUT/ready.txt"; ready_rss="$(rss)"
for path in / /account/login /account/register /api/v1/auth/password-policy /openapi/v1.json /api/docs/; do
  curl -s -o /dev/null "http://127.0.0.1:$PORT$path" || true
done
sleep 2
dlls >"$OUT/after.txt"; after_rss="$(rss)"
echo "assemblies loaded at ready: $(wc -l <"$OUT/ready.txt") (resident $ready_rss MB); after 6 requests: $(wc -l <"$OUT/after.txt") (resident $after_rss MB)"
echo "heavy libraries loaded at ready: $(grep -E "$heavy" "$OUT/ready.txt" | tr '\n' ' ' || true)"
[ -n "${UA_BENCH_ASSEMBLIES_LIST:-}" ] && cp "$OUT/ready.txt" "$UA_BENCH_ASSEMBLIES_LIST"
echo "ROW|assemblies loaded at ready (SQLite)|$(wc -l <"$OUT/ready.txt")|—|—|—"
echo "ROW|assemblies loaded after 6 requests (SQLite)|$(wc -l <"$OUT/after.txt") ($after_rss MB resident)|—|—|—"
