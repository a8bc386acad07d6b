#!/usr/bin/env bash
# Analytics dashboard latency on PostgreSQL with 100,000 proposals (20 users, a year of history) and 1,000,000 jobs.
#   bench/analytics.sh [proposals=100000] [jobs=1000000] [requests=200]
# A throwaway PostgreSQL 15, schema by the app's own `migrate`, jobs from bench/jobs-search.py and proposals with their
# status history from bench/analytics-seed.py, loaded with COPY; the Release app then builds the daily rollups on its
# first start (timed). Each measured request asks for a different period, so none is served from the 30-minute cache:
# this is the query itself. Target: p95 < 100 ms. Reports; never fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${UA_BENCH_QUICK:-0}" = 1 ]; then PROPOSALS="${1:-10000}"; JOBS="${2:-100000}"; REQUESTS="${3:-50}"
else PROPOSALS="${1:-100000}"; JOBS="${2:-1000000}"; REQUESTS="${3:-200}"; fi
USERS=20
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v hey >/dev/null || { apt-get install -y -qq --no-install-recommends hey >/dev/null; }
WORK="$(mktemp -d /tmp/ua-bench.XXXXXX)"; chmod 755 "$WORK"
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
PGPORT="$(port)"; APPPORT="$(port)"
if [ "$(id -u)" = 0 ]; then id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres; chown postgres:postgres "$WORK"; PGRUN=(runuser -u postgres --); else PGRUN=(); fi
APP_PID=""
stop_app() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }
cleanup() {
  stop_app
  "${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

"${PGRUN[@]}" "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_connections=200" start >/dev/null
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -c "CREATE DATABASE upwork_bench" >/dev/null

echo "publishing Release build..." >&2
dotnet publish "$ROOT/src/App/UpworkAssistant.App.csproj" -c Release -o "$WORK/app" -nologo -v quiet /p:UseAppHost=false >/dev/null
export ASPNETCORE_ENVIRONMENT=Production App__PublicUrl=http://127.0.0.1 Database__Provider=Postgres Jobs__Enabled=false Upwork__Demo__Enabled=false \
  ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=upwork_bench;Maximum Pool Size=100" \
  Auth__JwtSigningKey="bench-only-signing-key-0123456789abcdefghijklmnop" \
  Auth__SetupToken="bench-setup-token" \
  Security__EncryptionKeys__1="MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" \
  Api__RateLimit__PerIpPerMinute=100000000 Api__RateLimit__PerUserPerMinute=100000000 Logging__LogLevel__Default=Warning
( cd "$WORK/app" && dotnet UpworkAssistant.App.dll migrate >"$WORK/migrate.log" 2>&1 ) || { tail -20 "$WORK/migrate.log"; exit 1; }
BASE="http://127.0.0.1:$APPPORT"
start_app() {
  ( cd "$WORK/app" && exec dotnet UpworkAssistant.App.dll --urls "$BASE" >>"$WORK/app.log" 2>&1 ) &
  APP_PID=$!
  for _ in $(seq 1 600); do curl -fs -o /dev/null "$BASE/health/ready" && return 0; sleep 0.1; done
  tail -20 "$WORK/app.log"; exit 1
}
register() { # register <email> -> access token (the first account is the workspace admin)
  curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"B3nch!Passw0rd#\",\"setupToken\":\"bench-setup-token\",\"firstName\":\"Bench\",\"lastName\":\"User $2\"}" \
    "$BASE/api/v1/auth/register" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["accessToken"])'
}

echo "seeding $JOBS jobs with COPY..." >&2
t0=$(date +%s)
# Bulk-load shape: drop the jobs table's secondary indexes, COPY, build them again.
"${PSQL[@]}" -d upwork_bench -At -c "SELECT indexdef FROM pg_indexes WHERE schemaname = 'upwork' AND tablename = 'jobs' AND indexname NOT LIKE 'pk_%'" >"$WORK/indexes.sql"
"${PSQL[@]}" -d upwork_bench -At -c "SELECT 'DROP INDEX upwork.' || indexname || ';' FROM pg_indexes WHERE schemaname = 'upwork' AND tablename = 'jobs' AND indexname NOT LIKE 'pk_%'" | "${PSQL[@]}" -d upwork_bench
python3 "$ROOT/bench/jobs-search.py" "$JOBS" | "${PSQL[@]}" -d upwork_bench -c "\copy upwork.jobs (id, upwork_job_id, title, description, budget_min, budget_max, skills, job_type, experience_level, source, is_demo, posted_at, proposals_count, client_country, client_payment_verified, content_hash, created_at, updated_at) FROM STDIN WITH (FORMAT csv)"
sed 's/$/;/' "$WORK/indexes.sql" | "${PSQL[@]}" -d upwork_bench
"${PSQL[@]}" -d upwork_bench -c "VACUUM ANALYZE upwork.jobs"

start_app
ADMIN="$(register bench0@example.com 0)"
for i in $(seq 1 $((USERS - 1))); do register "bench$i@example.com" "$i" >/dev/null; done
MEMBER="$(curl -fs -H 'Content-Type: application/json' -d '{"email":"bench1@example.com","password":"B3nch!Passw0rd#"}' "$BASE/api/v1/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["accessToken"])')"
stop_app

echo "seeding $PROPOSALS proposals with COPY..." >&2
"${PSQL[@]}" -d upwork_bench -At -c "SELECT id FROM identity.users" >"$WORK/users.txt"
"${PSQL[@]}" -d upwork_bench -At -F, -c "SELECT id, replace(title, ',', ' ') FROM upwork.jobs ORDER BY id LIMIT 200000" >"$WORK/jobs.txt"
NOW="$(date +%s)"
python3 "$ROOT/bench/analytics-seed.py" proposals "$PROPOSALS" "$WORK/users.txt" "$WORK/jobs.txt" "$NOW" | "${PSQL[@]}" -d upwork_bench -c "\copy upwork.proposals (id, user_id, job_posting_id, bid_amount, connects_spent, status, ai_generated, template_name, job_title, submitted_at, updated_at, created_at) FROM STDIN WITH (FORMAT csv)"
python3 "$ROOT/bench/analytics-seed.py" history "$PROPOSALS" "$WORK/users.txt" "$WORK/jobs.txt" "$NOW" | "${PSQL[@]}" -d upwork_bench -c "\copy upwork.proposal_history (id, proposal_id, from_status, to_status, at, source) FROM STDIN WITH (FORMAT csv)"
"${PSQL[@]}" -d upwork_bench -c "VACUUM ANALYZE upwork.proposals" -c "VACUUM ANALYZE upwork.proposal_history"
# The rollups were built (empty) on the first start: forget that, so the next start builds them from the seeded proposals.
"${PSQL[@]}" -d upwork_bench -c "DELETE FROM analytics.daily_metrics WHERE metric = 'rollups_built'"
SEEDED=$(( $(date +%s) - t0 ))

t1=$(date +%s.%N)
start_app
for _ in $(seq 1 3000); do
  [ "$("${PSQL[@]}" -d upwork_bench -At -c "SELECT count(*) FROM analytics.daily_metrics WHERE metric = 'rollups_built'")" = 1 ] && break; sleep 0.2
done
BUILD=$(python3 -c "import time; print(f'{time.time() - $t1:.1f}')")
ROLLUP_ROWS="$("${PSQL[@]}" -d upwork_bench -At -c "SELECT count(*) FROM analytics.proposal_rollups")"
"${PSQL[@]}" -d upwork_bench -c "VACUUM ANALYZE analytics.proposal_rollups" -c "VACUUM ANALYZE analytics.proposal_facts"

measure() { # measure <token> <scope> <days> -> "p50 p95 p99" in ms over $REQUESTS requests, each for a period never asked before
  python3 - "$BASE" "$1" "$2" "$3" "$REQUESTS" <<'PY'
import sys, time, urllib.request, datetime
base, token, scope, days, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
today = datetime.date.today()
times = []
for i in range(n + 10):
    to = today - datetime.timedelta(days=i)
    frm = to - datetime.timedelta(days=days - 1)
    url = f"{base}/api/v1/analytics/dashboard?from={frm}&to={to}" + ("&scope=team" if scope == "team" else "")
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    t = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        assert r.status == 200
        r.read()
    if i >= 10: times.append((time.perf_counter() - t) * 1000)   # the first ten warm the app up
times.sort()
q = lambda p: times[min(len(times) - 1, int(round(p / 100 * len(times) + 0.5)) - 1)]
print(f"{q(50):.1f} {q(95):.1f} {q(99):.1f}")
PY
}

echo
echo "analytics dashboard: $PROPOSALS proposals ($USERS users, a year), $JOBS jobs, on PostgreSQL; $REQUESTS uncached requests each; $(nproc) cores shared by app, database and client"
echo "seeded in ${SEEDED} s; rollups built on first start in ${BUILD} s ($ROLLUP_ROWS rollup rows)"
echo "ROW|analytics rollups built from scratch ($PROPOSALS proposals)|$BUILD s|—|—|—"
printf '%-44s %9s %9s %9s  %s\n' scenario p50_ms p95_ms p99_ms "target p95 < 100 ms"
for s in "one member, last 30 days|$MEMBER|me|30" "one member, last 365 days|$MEMBER|me|365" "whole team (admin), last 30 days|$ADMIN|team|30" "whole team (admin), last 365 days|$ADMIN|team|365"; do
  IFS='|' read -r name token scope days <<<"$s"
  read -r p50 p95 p99 <<<"$(measure "$token" "$scope" "$days")"
  verdict=pass; awk -v x="$p95" 'BEGIN {exit !(x >= 100)}' && verdict=MISS
  printf '%-44s %9s %9s %9s  %s\n' "$name" "$p50" "$p95" "$p99" "$verdict"
  echo "ROW|analytics dashboard uncached, $name, p95 ($PROPOSALS proposals, $JOBS jobs)|$p95 ms|p95 < 500 ms|p95 < 100 ms|$verdict"
done
hey -z 3s -c 32 -H "Authorization: Bearer $MEMBER" "$BASE/api/v1/analytics/dashboard" >/dev/null
hey -z 10s -c 32 -H "Authorization: Bearer $MEMBER" "$BASE/api/v1/analytics/dashboard" >"$WORK/hey.txt"
rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$WORK/hey.txt"); p99=$(awk '$1 == "99%" && $2 == "in" {printf "%.1f", $3 * 1000}' "$WORK/hey.txt")
printf '%-44s %9s %9s %9s  %s\n' "cached (32 connections, $rps req/s)" "" "" "${p99:-n/a}" "(p99)"
