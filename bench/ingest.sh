#!/usr/bin/env bash
# Jobs upserted per second on PostgreSQL (durable settings: fsync on) and on SQLite, through the production ingest path.
# Usage: bench/ingest.sh [jobs=20000] [batch=1000]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
WORK="$(mktemp -d /tmp/ua-bench.XXXXXX)"; chmod 755 "$WORK"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
if [ "$(id -u)" = 0 ]; then id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres; chown postgres:postgres "$WORK"; PGRUN=(runuser -u postgres --); else PGRUN=(); fi
cleanup() { "${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
"${PGRUN[@]}" "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1" start >/dev/null
export ASPNETCORE_TEST_CONTENTROOT_UPWORKASSISTANT_APP="$ROOT/src/App"
export UA_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"
JOBS="${1:-20000}"; [ "${UA_BENCH_QUICK:-0}" = 1 ] && JOBS="${1:-4000}"
dotnet run -c Release --project bench/IngestBench -- "$JOBS" "${2:-1000}" 2>&1 | grep -v -E "^(info|warn|dbug):|^      " || true
