# Shared by the process-level checks (tests/scale-out/run.sh, tests/faults/run.sh); sourced after each sets WORK (its
# scratch folder) and PGBIN. Gives: port, PGRUN (runs a command as the postgres user when we are root),
# start_postgres <folder> <port> [extra server options], and use_database <name prefix>, which provides PGHOSTPORT, DBNAME,
# PSQL and DB (psql on that database), starting a PostgreSQL of the run's own in $WORK/pg unless UA_TEST_POSTGRES names one.
# The caller's cleanup function runs on exit; use_database drops its database first.

port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

PGRUN=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres:postgres "$WORK"
  PGRUN=(runuser -u postgres --)
fi

start_postgres() { # folder port [extra server options]
  "${PGRUN[@]}" "$PGBIN/initdb" -D "$1" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null &&
    "${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$1" -l "$1.log" -w -o "-p $2 -k $WORK -c listen_addresses=127.0.0.1 ${3:-}" start >/dev/null
}

OWN_PG=0
use_database() { # name prefix; returns 1 if the database cannot be made
  if [ -z "${UA_TEST_POSTGRES:-}" ]; then
    local own; own="$(port)"; OWN_PG=1
    start_postgres "$WORK/pg" "$own" "-c fsync=off -c max_connections=300" || return 1
    UA_TEST_POSTGRES="Host=127.0.0.1;Port=$own;Username=postgres;Database=postgres"
  fi
  PGHOSTPORT="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$UA_TEST_POSTGRES")"
  DBNAME="${1}_$RANDOM$RANDOM"
  PSQL=(psql -h 127.0.0.1 -p "$PGHOSTPORT" -U postgres -qAt -v ON_ERROR_STOP=1)
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DBNAME" >/dev/null || return 1
  trap '"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DBNAME WITH (FORCE)" >/dev/null 2>&1; cleanup' EXIT INT TERM
  DB=("${PSQL[@]}" -d "$DBNAME")
}

stop_own_postgres() { [ "$OWN_PG" = 1 ] && "${PGRUN[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1; return 0; }
