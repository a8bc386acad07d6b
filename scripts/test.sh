#!/usr/bin/env bash
# The whole test suite, from a fresh Debian machine with the .NET 10 SDK:
#   installs what is missing (redis-server, chromium, nginx), starts a throwaway PostgreSQL 15 and Redis on free
#   loopback ports, runs a fast lane first (dotnet format, analyzers, unit and architecture tests; the rest does not run
#   if it fails), builds, runs every other test project with coverage, then the scale-out checks (tests/scale-out/run.sh:
#   two instances behind nginx) and the fault suite (tests/faults/run.sh: kill -9 mid-work, graceful stop), prints line
#   coverage per project and a final "N passed, N failed" line (scale-out checks and fault rows included), and stops the
#   servers even when tests fail.
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Api]
#   With a --filter the scale-out checks run only if the filter names ScaleOut (or UA_SCALE_OUT=1), the fault suite
#   only if it names Fault (or UA_FAULTS=1).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RESULTS="$ROOT/TestResults"
# PostgreSQL 15 on our machines; elsewhere (e.g. a CI runner) the newest installed version.
if [ -z "${PGBIN:-}" ]; then
  if [ -x /usr/lib/postgresql/15/bin/initdb ]; then PGBIN=/usr/lib/postgresql/15/bin
  else PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"; PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"; fi
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { printf '\n== %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
ensure_package() { # ensure_package <package> <file that proves it is installed>
  [ -e "$2" ] && return 0
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  log "installing $1"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $(( (RANDOM % 20000) + 30000 ))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

# --- 1. Packages (before PostgreSQL starts: an upgrade under a running server breaks plpgsql) ---
ensure_package python3 /usr/bin/python3          # free ports, totals, coverage report
ensure_package redis-server /usr/bin/redis-server
[ -n "${UA_CHROMIUM:-}" ] || ensure_package chromium /usr/bin/chromium   # UA_CHROMIUM: use another Chromium build
ensure_package nginx-light /usr/sbin/nginx          # the scale-out checks put two instances behind it
[ -x "$PGBIN/initdb" ] || ensure_package postgresql-15 "$PGBIN/initdb"

# --- 2. Throwaway PostgreSQL and Redis ---
WORK="$(mktemp -d /tmp/ua-test.XXXXXX)"
chmod 755 "$WORK"
PGPORT="$(free_port)"
REDISPORT="$(free_port)"
while [ "$REDISPORT" = "$PGPORT" ]; do REDISPORT="$(free_port)"; done

if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres:postgres "$WORK"
  PGRUN=(runuser -u postgres --)
else
  PGRUN=()
fi

cleanup() {
  local status=$?
  "${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null || true
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT INT TERM

log "starting PostgreSQL on 127.0.0.1:$PGPORT"
"${PGRUN[@]}" "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -o \
  "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null

log "starting Redis on 127.0.0.1:$REDISPORT"
redis-server --bind 127.0.0.1 --port "$REDISPORT" --daemonize yes --save "" --appendonly no \
  --dir "$WORK" --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log"
for _ in $(seq 1 50); do [ -f "$WORK/redis.pid" ] && break; sleep 0.1; done

export UA_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
export UA_TEST_REDIS="127.0.0.1:$REDISPORT"
export UA_TEST_ARTIFACTS="$RESULTS/artifacts"

rm -rf "$RESULTS"; mkdir -p "$RESULTS"
test_status=0
run_tests() { # run_tests <project>... : each with coverage and a trx file, failures shown with their messages
  for project in "$@"; do
    name="$(basename "$project" .csproj)"
    log "testing $name"
    set +e
    dotnet test "$project" -c Debug --no-build --nologo \
      --results-directory "$RESULTS/$name" --logger "trx;LogFileName=$name.trx" \
      --collect "XPlat Code Coverage" --settings "$ROOT/coverage.runsettings" "${TEST_ARGS[@]}" > "$RESULTS/$name.log" 2>&1
    status=$?
    set -e
    # Each failure with its message (not its stack), then the runner's summary.
    awk '/^  Failed /{show=1} /^  Stack Trace:/{show=0} show; /^(Passed|Failed)!/' "$RESULTS/$name.log" | head -300 || true
    [ "$status" = 0 ] || test_status=$status
  done
}
TEST_ARGS=("$@")
FAST=(tests/ArchitectureTests/ArchitectureTests.csproj tests/UnitTests/UnitTests.csproj)

# --- 3. Fast lane: style, analyzers, unit and architecture tests (UpworkAssistant.Fast.slnf), before the slow suite ---
log "fast lane: dotnet format (whitespace and code style), analyzers as errors, unit and architecture tests"
fast_failed=0
dotnet format whitespace UpworkAssistant.Fast.slnf --verify-no-changes || { echo "dotnet format whitespace found changes to make (run it without --verify-no-changes)"; fast_failed=1; }
dotnet format style UpworkAssistant.Fast.slnf --verify-no-changes --severity warn || { echo "dotnet format style found changes to make (run it without --verify-no-changes)"; fast_failed=1; }
if ! dotnet build UpworkAssistant.Fast.slnf -c Debug -nologo -clp:ErrorsOnly; then
  echo; echo "The build failed."; echo "0 passed, 1 failed"; exit 1
fi
run_tests "${FAST[@]}"
if [ "$fast_failed" != 0 ] || [ "$test_status" != 0 ]; then
  echo; echo "The fast lane failed: the slow suite does not run."; echo "0 passed, 1 failed"; exit 1
fi

# --- 4. Build the rest once, then every other test project with coverage ---
log "building"
if ! dotnet build UpworkAssistant.slnx -c Debug -nologo -clp:ErrorsOnly; then
  echo; echo "The build failed."; echo "0 passed, 1 failed"; exit 1
fi

for project in tests/*/*.csproj; do
  case "$project" in tests/TestSupport/*|tests/ArchitectureTests/*|tests/UnitTests/*) continue ;; esac
  run_tests "$project"
done

# --- 5. Scale-out checks (two instances, nginx, the same PostgreSQL and Redis) ---
scale_passed=0; scale_failed=0
if [ $# = 0 ] || [ "${UA_SCALE_OUT:-0}" = 1 ] || [[ "$*" == *ScaleOut* ]]; then
  log "scale-out checks (tests/scale-out/run.sh)"
  set +e
  timeout 480 bash "$ROOT/tests/scale-out/run.sh" > "$RESULTS/scale-out.log" 2>&1
  set -e
  grep -E '^CHECK[|]|^[0-9]+ passed, [0-9]+ failed$' "$RESULTS/scale-out.log" || true
  read -r scale_passed scale_failed < <(awk '/^[0-9]+ passed, [0-9]+ failed$/ {p=$1; f=$3} END {if (p == "") print 0, 1; else print p, f}' "$RESULTS/scale-out.log")
fi

# --- 5b. Fault suite (tests/faults/run.sh: kill -9 mid-work, PostgreSQL restart, SQLite writers, disk full, graceful stop), about 5 minutes ---
faults_passed=0; faults_failed=0
if [ $# = 0 ] || [ "${UA_FAULTS:-0}" = 1 ] || [[ "$*" == *Fault* ]]; then
  log "fault suite (tests/faults/run.sh)"
  set +e
  timeout 600 bash "$ROOT/tests/faults/run.sh" > "$RESULTS/faults.log" 2>&1
  set -e
  sed -n '/^scenario /,$p' "$RESULTS/faults.log" | grep -v '^[0-9]* passed, [0-9]* failed$' || true
  read -r faults_passed faults_failed < <(awk '/^[0-9]+ passed, [0-9]+ failed$/ {p=$1; f=$3} END {if (p == "") print 0, 1; else print p, f}' "$RESULTS/faults.log")
  # The failed rows with their details (or why the suite could not set up).
  [ "$faults_failed" = 0 ] || grep -E '^ROW[|]([^|]*[|]){3}FAIL|^setup failed' "$RESULTS/faults.log" || true
fi

# --- 6. Coverage and totals ---
log "line coverage"
python3 "$ROOT/scripts/coverage_report.py" "$RESULTS" || echo "(coverage report unavailable)"

read -r passed failed skipped < <(python3 - "$RESULTS" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
p = f = s = 0
for trx in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(trx).getroot().find(f"{ns}ResultSummary/{ns}Counters")
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s += int(c.get("notExecuted", 0))
print(p, f, s)
PY
)
passed=$((passed + scale_passed + faults_passed)); failed=$((failed + scale_failed + faults_failed))
if [ "$test_status" != 0 ] && [ "$failed" = 0 ]; then failed=1; echo "dotnet test exited with $test_status (a test host crashed or the build failed)"; fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
