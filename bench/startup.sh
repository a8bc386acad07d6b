#!/usr/bin/env bash
# Cold start to ready and idle memory of the embedded default (SQLite, no other service), Release build.
#   bench/startup.sh [runs]     (default 5 runs)
# "cold" = empty data folder (creates the SQLite file and applies migrations); "warm" = the folder from the run before.
# Prints a table: metric, median, best, worst, target, pass/fail. Reports; never fails the build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"; [ "${UA_BENCH_QUICK:-0}" = 1 ] && RUNS="${1:-2}"
OUT="$(mktemp -d /tmp/ua-bench.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "publishing Release build (ReadyToRun, as the container does)..." >&2
dotnet publish "$ROOT/src/App/UpworkAssistant.App.csproj" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$OUT/app" -nologo -v quiet /p:UseAppHost=false >/dev/null

port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

# start_and_wait <data dir> -> prints "ms_to_ready rss_idle_mb rss_after_pages_mb"
start_and_wait() {
  local data="$1" p; p="$(port)"
  local t0; t0="$(now_ms)"
  # DOTNET_gcServer=0: workstation GC, as the container image runs it (Dockerfile).
  ( cd "$OUT/app" && DOTNET_gcServer=0 Database__DataDirectory="$data" ASPNETCORE_ENVIRONMENT=Production App__PublicUrl=http://127.0.0.1 Jobs__Enabled=true \
      Auth__JwtSigningKey="bench-only-signing-key-0123456789abcdefghijklmnop" \
      Security__EncryptionKeys__1="MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" \
      exec dotnet UpworkAssistant.App.dll --urls "http://127.0.0.1:$p" >"$OUT/app.log" 2>&1 ) &
  PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$p/health/ready"; do
    kill -0 "$PID" 2>/dev/null || { echo "app exited; log:" >&2; tail -20 "$OUT/app.log" >&2; exit 1; }
    [ $(( $(now_ms) - t0 )) -lt 60000 ] || { echo "not ready after 60 s; log:" >&2; tail -20 "$OUT/app.log" >&2; kill "$PID"; exit 1; }
    sleep 0.02
  done
  local ready=$(( $(now_ms) - t0 ))
  sleep 5
  local idle; idle=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$PID/status")
  # What a first visitor loads before signing in (everything else needs an account).
  for path in / /account/login /account/register /api/v1/auth/password-policy /openapi/v1.json /api/docs/; do
    curl -s -o /dev/null "http://127.0.0.1:$p$path" || true
  done
  sleep 2
  local pages; pages=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$PID/status")
  kill "$PID"; wait "$PID" 2>/dev/null || true
  echo "$ready $idle $pages"
}

declare -a cold warm idle pages
for i in $(seq 1 "$RUNS"); do
  data="$OUT/data-$i"; mkdir -p "$data"
  read -r c m pg < <(start_and_wait "$data"); cold+=("$c"); idle+=("$m"); pages+=("$pg")
  read -r w _ _ < <(start_and_wait "$data"); warm+=("$w")
  echo "run $i: cold ${c} ms, warm ${w} ms, idle ${m} MB, after requests ${pg} MB" >&2
done

stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%s %s %s\n", a[int((NR+1)/2)], a[1], a[NR]}'; }
row() { # name unit target values...
  local name="$1" unit="$2" target="$3"; shift 3
  read -r med best worst < <(stats "$@")
  local verdict=pass; [ "$med" -le "$target" ] || verdict=FAIL
  printf '%-34s %9s %9s %9s %12s  %s\n' "$name" "$med $unit" "$best" "$worst" "< $target $unit" "$verdict"
  [ "$verdict" = FAIL ] && verdict=MISS
  echo "ROW|$name (median of $RUNS)|$med $unit|—|< $target $unit|$verdict"
}
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), .NET $(dotnet --version); runs: $RUNS"
printf '%-34s %9s %9s %9s %12s  %s\n' metric median best worst target result
row "cold start to ready (SQLite)" ms 3000 "${cold[@]}"
row "warm start to ready (SQLite)" ms 3000 "${warm[@]}"
row "resident memory, idle" MB 200 "${idle[@]}"
row "resident memory, after 6 requests" MB 200 "${pages[@]}"
