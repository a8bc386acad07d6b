#!/usr/bin/env bash
# Scale-out checks: two app instances behind nginx (sticky by the ua_affinity cookie), sharing one PostgreSQL and one
# Redis, as deploy/README.md describes. scripts/test.sh runs it after dotnet test and counts its checks; it can also run
# alone (it then starts its own PostgreSQL and Redis). Needs the Debug build (scripts/test.sh has just made it).
#   tests/scale-out/run.sh          prints CHECK lines and ends with "N passed, N failed"; exit code 1 if any failed
# Checks: signed in on one instance = signed in on the other (data-protection keys in the database); a hub client on B
# gets the alert for a job ingested on A (Redis backplane); a Blazor circuit on B updates live from an ingest on A (Redis
# pub/sub); Quartz runs each job on one instance at a time (clustered ADO store); Redis killed under load and brought back:
# both instances keep serving, nothing acknowledged is lost, and cross-instance alerts resume without a restart; stopping A mid-load loses no
# acknowledged write and its user carries on, signed in, on B; B then stops by itself within 15 s of SIGTERM. (Upwork rate limits shared by both instances:
# ScaleOutTests.The_upwork_budget_is_shared_by_every_instance, in dotnet test.)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORK="$(mktemp -d /tmp/ua-scaleout.XXXXXX)"; chmod 755 "$WORK"
ARTIFACTS="${UA_TEST_ARTIFACTS:-$ROOT/TestResults/artifacts}/scale-out"; mkdir -p "$ARTIFACTS"
source "$ROOT/tests/lib/harness.sh"
passed=0; failed=0
check() { # name pass|FAIL detail
  echo "CHECK|$1|$2|$3"
  if [ "$2" = pass ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}
count_client() { # <checks expected> <output of the load client>: count its CHECK lines; a crash counts as failures
  echo "$2"
  local ok bad
  ok=$(grep -c '^CHECK|[^|]*|pass|' <<<"$2"); bad=$(grep -c '^CHECK|[^|]*|FAIL|' <<<"$2")
  passed=$((passed + ok)); failed=$((failed + bad))
  if [ $((ok + bad)) -lt "$1" ]; then
    echo "CHECK|load-client-finished|FAIL|$(( $1 - ok - bad )) check(s) never reported (see client.log in the artefacts)"
    failed=$((failed + $1 - ok - bad))
  fi
}

A_PID=""; B_PID=""; OWN_REDIS=0
cleanup() {
  # Only after an early exit (the checks stop both instances themselves): nothing of ours may outlive the run.
  for p in $A_PID $B_PID; do kill -9 "$p" 2>/dev/null; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  stop_own_postgres
  [ "$OWN_REDIS" = 1 ] && [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null
  cp "$WORK"/*.log "$ARTIFACTS/" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

command -v nginx >/dev/null || { echo "nginx is missing (scripts/test.sh installs it)"; echo "0 passed, 1 failed"; exit 1; }
# Always a Redis of our own: check 5 kills it and brings it back on the same port.
RPORT="$(port)"; OWN_REDIS=1
start_redis() { redis-server --bind 127.0.0.1 --port "$RPORT" --daemonize yes --save "" --appendonly no --dir "$WORK" --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log"; }
start_redis
UA_TEST_REDIS="127.0.0.1:$RPORT"
use_database ua_scaleout || { echo "no database"; echo "0 passed, 1 failed"; exit 1; }

APP="${UA_APP_DIR:-$ROOT/src/App/bin/Debug/net10.0}"
CLIENT="${UA_LOADCLIENT:-$ROOT/bench/LoadClient/bin/Debug/net10.0/LoadClient.dll}"
[ -f "$APP/UpworkAssistant.App.dll" ] && [ -f "$CLIENT" ] || dotnet build "$ROOT/UpworkAssistant.slnx" -c Debug -nologo -v quiet >/dev/null
export ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres Jobs__Enabled=true \
  ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PGHOSTPORT;Username=postgres;Database=$DBNAME" \
  Redis__Connection="$UA_TEST_REDIS" Redis__Prefix="ua-so-$RANDOM" \
  Upwork__Demo__Enabled=true Upwork__Demo__Interval=00:00:02 \
  Auth__JwtSigningKey="scale-out-test-signing-key-0123456789abcdefghij" \
  Auth__SetupToken="scale-out-setup-token" \
  Security__EncryptionKeys__1="MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" \
  App__PublicUrl="http://127.0.0.1" \
  Api__RateLimit__PerIpPerMinute=100000 Api__RateLimit__PerUserPerMinute=100000 Auth__RateLimitPerMinute=10000 \
  Logging__LogLevel__Default=Warning \
  DOTNET_SHUTDOWNTIMEOUTSECONDS=10   # open WebSockets hold a graceful stop up to this (default 30 s); keeps the run short
( cd "$APP" && dotnet UpworkAssistant.App.dll migrate >"$WORK/migrate.log" 2>&1 ) || { tail -20 "$WORK/migrate.log"; echo "0 passed, 1 failed"; exit 1; }

APORT="$(port)"; BPORT="$(port)"; NPORT="$(port)"
start() { # name port -> pid
  ( cd "$APP" && exec dotnet UpworkAssistant.App.dll --urls "http://127.0.0.1:$2" >"$WORK/$1.log" 2>&1 ) &
  echo $!
}
ready() { for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$1/health/ready" && return 0; sleep 0.1; done; return 1; }
A_PID="$(start instance-a "$APORT")"; ready "$APORT" || { tail -30 "$WORK/instance-a.log"; echo "0 passed, 1 failed"; exit 1; }
B_PID="$(start instance-b "$BPORT")"; ready "$BPORT" || { tail -30 "$WORK/instance-b.log"; echo "0 passed, 1 failed"; exit 1; }

mkdir -p "$WORK/nginx-tmp"
sed -e "s#@WORK@#$WORK#g" -e "s#@A@#127.0.0.1:$APORT#g" -e "s#@B@#127.0.0.1:$BPORT#g" -e "s#@PORT@#$NPORT#g" \
  "$ROOT/tests/scale-out/nginx.conf" >"$WORK/nginx.conf"
nginx -c "$WORK/nginx.conf" -p "$WORK" || { echo "nginx did not start"; echo "0 passed, 1 failed"; exit 1; }
LB="http://127.0.0.1:$NPORT"
for _ in $(seq 1 50); do curl -fs -o /dev/null "$LB/health/live" && break; sleep 0.1; done
echo "instance A on $APORT (pid $A_PID), B on $BPORT (pid $B_PID), nginx on $NPORT, database $DBNAME"

# Affinity values that nginx's consistent hash maps to A and to B (it names the instance in X-Upstream).
AFF_A=""; AFF_B=""
for i in $(seq 1 64); do
  up="$(curl -s -o /dev/null -D - -b "ua_affinity=user$i" "$LB/health/live" | awk -F': ' 'tolower($1) == "x-upstream" {gsub(/\r/, "", $2); print $2}')"
  [ "$up" = "127.0.0.1:$APORT" ] && [ -z "$AFF_A" ] && AFF_A="user$i"
  [ "$up" = "127.0.0.1:$BPORT" ] && [ -z "$AFF_B" ] && AFF_B="user$i"
  [ -n "$AFF_A" ] && [ -n "$AFF_B" ] && break
done
new_cookie="$(curl -s -o /dev/null -D - "$LB/health/live" | grep -ci '^set-cookie: ua_affinity=')"
check nginx-sticky-cookie "$([ -n "$AFF_A" ] && [ -n "$AFF_B" ] && [ "$new_cookie" = 1 ] && echo pass || echo FAIL)" \
  "a new client gets a ua_affinity cookie; ua_affinity=$AFF_A pins to A, ua_affinity=$AFF_B to B"

# 1. Quartz: both instances in one cluster; the demo feed (one job every 2 s) runs on one of them at a time.
sleep 4
members="$("${DB[@]}" -c "SELECT count(*) FROM qrtz_scheduler_state" 2>/dev/null || echo 0)"
triggers="$("${DB[@]}" -c "SELECT count(*) FROM qrtz_triggers WHERE trigger_name = 'upwork.demo-feed.trigger'" 2>/dev/null || echo 0)"
c0="$("${DB[@]}" -c "SELECT count(*) FROM upwork.jobs WHERE source = 'demo'")"
sleep 20
c1="$("${DB[@]}" -c "SELECT count(*) FROM upwork.jobs WHERE source = 'demo'")"
runs=$((c1 - c0))
check quartz-runs-each-job-once "$([ "$members" = 2 ] && [ "$triggers" = 1 ] && [ "$runs" -ge 3 ] && [ "$runs" -le 12 ] && echo pass || echo FAIL)" \
  "$members instances in the Quartz cluster, $triggers demo-feed trigger; $runs demo-feed runs in 20 s at one per 2 s (both instances running it would make ~20)"

# 2. One user, signed in through A; a saved search with alerts for the live checks.
EMAIL="scaleout-$RANDOM@example.com"; PASSWORD='Sc4le!Out-Passw0rd'
TOKEN="$(curl -fs -b "ua_affinity=$AFF_A" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"setupToken\":\"scale-out-setup-token\",\"firstName\":\"Scale\",\"lastName\":\"Out\"}" "$LB/api/v1/auth/register" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["accessToken"])')"
curl -fs -o /dev/null -b "ua_affinity=$AFF_A" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"scale-out","query":"scaleoutword","alertsEnabled":true}' "$LB/api/v1/upwork/saved-searches"

count_client 2 "$(timeout 120 dotnet "$CLIENT" check-browser "$LB" "$AFF_A" "$AFF_B" "$EMAIL" "$PASSWORD" 2>>"$WORK/client.log" || true)"
count_client 1 "$(timeout 60 dotnet "$CLIENT" check-hub "$LB" "$AFF_B" "$AFF_A" "$TOKEN" 2>>"$WORK/client.log" || true)"

# 5 (issue 18, fault scenario 5). Redis killed under load and brought back on the same port: both instances keep
#    serving reads and writes (degraded: in-process cache, no cross-instance push), and a hub client on B gets the alert
#    for a job pasted on A again once Redis is back, without a restart.
( i=0; while [ ! -f "$WORK/stop-redis-load" ] && [ $i -lt 5000 ]; do
    i=$((i + 1))
    for p in "$APORT" "$BPORT"; do
      curl -s -o /dev/null -m 30 -w 'GET %{http_code}\n' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$p/api/v1/upwork/jobs?pageSize=5"
      curl -s -o /dev/null -m 30 -w 'POST %{http_code}\n' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"title\":\"redisdown-$p-$i written around a Redis outage\"}" "http://127.0.0.1:$p/api/v1/upwork/jobs/paste"
    done
  done >"$WORK/redis-load.txt" ) &
LOADER=$!
lines() { wc -l <"$WORK/redis-load.txt" 2>/dev/null || echo 0; }
wait_lines() { local until=$(( $(lines) + $1 )); for _ in $(seq 1 1200); do [ "$(lines)" -ge "$until" ] && return 0; sleep 0.1; done; return 1; }
wait_lines 20
t_kill=$(date +%s%N); kill -9 "$(cat "$WORK/redis.pid")"; before_kill=$(lines)
wait_lines 80   # 80 answers (40 reads, 40 writes on both instances) while Redis is gone
during="$(tail -n +"$((before_kill + 1))" "$WORK/redis-load.txt" | head -n 80)"
ready_a="$(curl -s -m 10 "http://127.0.0.1:$APORT/health/ready" | tr -d '\n' | head -c 200)"
start_redis; t_back=$(date +%s%N)
for _ in $(seq 1 100); do redis-cli -p "$RPORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
touch "$WORK/stop-redis-load"; wait "$LOADER"
down_bad="$(grep -cv ' 20[01]$' <<<"$during")"
answered_during="$(grep -c ' 20[01]$' <<<"$during")"
all_bad="$(grep -cv ' 20[01]$' "$WORK/redis-load.txt")"
acked="$(grep -c '^POST 201$' "$WORK/redis-load.txt")"
stored="$("${DB[@]}" -c "SELECT count(*) FROM upwork.jobs WHERE title LIKE 'redisdown-%'")"
check redis-down-both-instances-serve "$([ "$down_bad" = 0 ] && [ "$answered_during" = 80 ] && echo pass || echo FAIL)" \
  "$answered_during of 80 reads and writes on A and B answered 2xx while Redis was down ($(( ($(date +%s%N) - t_kill) / 1000000 )) ms outage and after); A's /health/ready said: $ready_a"
check redis-down-no-write-lost "$([ "$all_bad" = 0 ] && [ "$acked" -gt 0 ] && [ "$stored" = "$acked" ] && echo pass || echo FAIL)" \
  "$acked writes acknowledged around the outage, $stored stored; $all_bad requests answered with an error"
# "Redis is back" for the app is when both instances say so: each reconnects on its own schedule (the client's retry
# backoff), and a hub client that arrives before its instance has is refused (SignalR cannot subscribe it). Readiness
# reports both of an instance's Redis connections, so the check waits for it on A and B, and says how long it took.
ready_both() { for p in "$APORT" "$BPORT"; do curl -sf -o /dev/null -m 5 "http://127.0.0.1:$p/health/ready" || return 1; done; }
ready_again=no; for _ in $(seq 1 600); do ready_both && { ready_again=yes; break; }; sleep 0.1; done
check redis-back-both-instances-ready "$([ "$ready_again" = yes ] && echo pass || echo FAIL)" \
  "$([ "$ready_again" = yes ] && echo "A and B ready again $(( ($(date +%s%N) - t_back) / 1000000 )) ms after Redis answered" || echo "not ready 60 s after Redis answered")"
count_client 1 "$(timeout 90 dotnet "$CLIENT" check-hub "$LB" "$AFF_B" "$AFF_A" "$TOKEN" redis-back-hub-alert-across-instances 2>>"$WORK/client.log" || true)"
echo "Redis was back $(( ($(date +%s%N) - t_back) / 1000000 )) ms before the cross-instance check finished"

# 3. Stop A as a deployment does (out of nginx, then SIGTERM: Kubernetes' readiness and preStop) while a client pinned
#    to A keeps writing: every write is answered and stored, and A's signed-in user carries on on B.
cat >"$WORK/stop-a.sh" <<STOP
sed -i 's#server 127.0.0.1:$APORT max_fails#server 127.0.0.1:$APORT down max_fails#' "$WORK/nginx.conf"
nginx -c "$WORK/nginx.conf" -p "$WORK" -s reload
sleep 1
kill -TERM $A_PID
for _ in \$(seq 1 600); do kill -0 $A_PID 2>/dev/null || exit 0; sleep 0.1; done
STOP
( i=0; while [ ! -f "$WORK/stop-writer" ] && [ $i -lt 2000 ]; do
    i=$((i + 1))
    curl -s -o /dev/null -w '%{http_code}\n' -b "ua_affinity=$AFF_A" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d "{\"title\":\"failover-$i written while an instance stops\"}" "$LB/api/v1/upwork/jobs/paste"
  done >"$WORK/writes.txt" ) &
WRITER=$!
count_client 1 "$(timeout 150 dotnet "$CLIENT" check-failover "$LB" "$AFF_A" "$WORK/stop-a.sh" "$EMAIL" "$PASSWORD" 2>>"$WORK/client.log" || true)"
A_PID=""
sleep 2; touch "$WORK/stop-writer"; wait "$WRITER"
acked="$(grep -c '^20[01]$' "$WORK/writes.txt")"; refused="$(grep -vc '^20[01]$' "$WORK/writes.txt")"
stored="$("${DB[@]}" -c "SELECT count(*) FROM upwork.jobs WHERE title LIKE 'failover-%'")"
codes="$(sort "$WORK/writes.txt" | uniq -c | awk '{printf "%s%s x %s", (NR > 1 ? ", " : ""), $1, $2}')"
check no-acknowledged-write-lost "$([ "$acked" -gt 0 ] && [ "$stored" = "$acked" ] && [ "$refused" = 0 ] && echo pass || echo FAIL)" \
  "$acked writes through nginx while A was drained and stopped: $stored stored; $refused answered with an error (status codes: $codes)"

# 4. B stops by itself on SIGTERM, with Quartz running and the circuits and hub connections it served, within
#    DOTNET_SHUTDOWNTIMEOUTSECONDS (10 s) and a margin; A stopped the same way in check 3 (issue 18, scenario 8).
kill -TERM "$B_PID"; waited=0
while kill -0 "$B_PID" 2>/dev/null && [ "$waited" -lt 150 ]; do sleep 0.1; waited=$((waited + 1)); done
if kill -0 "$B_PID" 2>/dev/null; then
  check graceful-stop FAIL "instance B still running 15 s after SIGTERM (A stopped within check 3)"
else
  check graceful-stop pass "instance B exited $((waited / 10)).$((waited % 10)) s after SIGTERM; A stopped within check 3"
  B_PID=""
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
