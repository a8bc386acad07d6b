#!/usr/bin/env bash
# Proves that the migrations of this working tree build the same database as the migrations of an older revision
# (docs/decisions/0001-squash-migrations.md): for PostgreSQL and for SQLite it builds src/App at both places, applies
# each side's migrations to a fresh throwaway database (`dotnet ef database update`, as `migrate` does), then diffs
#   PostgreSQL: `pg_dump --schema-only`, and every row (`pg_dump --data-only --inserts`);
#   SQLite:     the schema `sqlite3 .schema` shows, in canonical form (below), and every row (`sqlite3 .dump`), which
#               includes the FTS5 shadow tables where the index settings (secure-delete) live.
# What it filters, and nothing else:
#   - the rows of the migrations history table (__ef_migrations_history): their ids differ by design;
#   - pg_dump's `\restrict <key>` / `\unrestrict <key>` lines: a random key pg_dump writes into every dump.
# SQLite canonical form: `.schema` prints objects in the order they were created, and ALTER TABLE ADD COLUMN splices
# its text onto the stored CREATE TABLE; so objects are printed sorted by table, type and name, with one column or
# table constraint per line and runs of whitespace collapsed. Names, column order, types, defaults, constraints and
# the text of triggers, indexes and virtual tables are compared as they are.
#
# Usage: scripts/schema-diff.sh [OLD_REVISION [NEW_REVISION]]
#   OLD_REVISION  default: the last commit before the squash (the parent of the commit that deleted the old chain).
#   NEW_REVISION  default: this working tree, uncommitted changes included.
# PostgreSQL: the server in UA_TEST_POSTGRES (default Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres);
# the two databases get unique names and are dropped afterwards. Exit status 0 and "schema diff: empty" when equal,
# 1 with the diff otherwise, 2 on a setup error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { printf '== %s\n' "$*" >&2; }
fail() { printf 'schema-diff: %s\n' "$*" >&2; exit 2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

command -v sqlite3 >/dev/null || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends sqlite3 >/dev/null
for tool in git dotnet psql pg_dump sqlite3 python3; do command -v "$tool" >/dev/null || fail "$tool is missing"; done

# --- revisions ---
FIRST_OLD_MIGRATION=src/App/Data/Migrations/Postgres/20261125205837_Initial.cs
if [ $# -ge 1 ]; then OLD_REV="$1"
else
  squash="$(git log -1 --format=%H --diff-filter=D -- "$FIRST_OLD_MIGRATION")"
  [ -n "$squash" ] || fail "no commit deleted $FIRST_OLD_MIGRATION; give the old revision as an argument"
  OLD_REV="$squash^"
fi
OLD_REV="$(git rev-parse --verify "$OLD_REV^{commit}")" || fail "unknown revision"
NEW_REV="${2:-}"

# --- PostgreSQL connection (ADO.NET form, as the tests use) ---
PG_CS="${UA_TEST_POSTGRES:-Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres}"
PGHOST_=127.0.0.1 PGPORT_=5432 PGUSER_=postgres PGPASS_=
IFS=';' read -ra parts <<<"$PG_CS"
for part in "${parts[@]}"; do
  key="$(printf '%s' "${part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')"; value="${part#*=}"
  case "$key" in
    host|server) PGHOST_="$value" ;;
    port) PGPORT_="$value" ;;
    username|user|userid) PGUSER_="$value" ;;
    password) PGPASS_="$value" ;;
  esac
done
export PGHOST="$PGHOST_" PGPORT="$PGPORT_" PGUSER="$PGUSER_"
[ -n "$PGPASS_" ] && export PGPASSWORD="$PGPASS_"
ado() { printf 'Host=%s;Port=%s;Username=%s;%sDatabase=%s' "$PGHOST" "$PGPORT" "$PGUSER" "${PGPASS_:+Password=$PGPASS_;}" "$1"; }
psql -q -X -d postgres -c 'SELECT 1' >/dev/null || fail "PostgreSQL at $PGHOST:$PGPORT does not answer"

# --- scratch space, removed on exit ---
WORK="$(mktemp -d)"
DB_PREFIX="ua_schemadiff_$$_$RANDOM"
WORKTREES=()
cleanup() {
  for side in old new; do psql -q -X -d postgres -c "DROP DATABASE IF EXISTS ${DB_PREFIX}_$side WITH (FORCE)" >/dev/null 2>&1 || true; done
  for wt in "${WORKTREES[@]}"; do git -C "$ROOT" worktree remove --force "$wt" >/dev/null 2>&1 || true; done
  git -C "$ROOT" worktree prune >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

checkout() { # checkout <revision> <dir>
  git -C "$ROOT" worktree add --detach --quiet "$2" "$1"
  WORKTREES+=("$2")
}

build_and_migrate() { # build_and_migrate <side> <source tree>
  local side="$1" tree="$2"
  log "$side: building $tree/src/App"
  dotnet build "$tree/src/App" -c Debug -nologo -clp:ErrorsOnly -v:q >"$WORK/$side.build.log" 2>&1 \
    || { cat "$WORK/$side.build.log" >&2; fail "$side: build failed"; }
  log "$side: applying migrations (PostgreSQL ${DB_PREFIX}_$side, SQLite $WORK/$side.db)"
  psql -q -X -d postgres -c "CREATE DATABASE ${DB_PREFIX}_$side" >/dev/null
  (cd "$tree" && dotnet tool restore >/dev/null \
    && dotnet ef database update --project src/App --context AppDbContext --no-build --connection "$(ado "${DB_PREFIX}_$side")" \
    && dotnet ef database update --project src/App --context SqliteAppDbContext --no-build --connection "Data Source=$WORK/$side.db") \
    >"$WORK/$side.migrate.log" 2>&1 || { tail -n 40 "$WORK/$side.migrate.log" >&2; fail "$side: migrations failed"; }
}

HISTORY_ROW='^INSERT INTO (public\.)?"?(__ef_migrations_history|__EFMigrationsHistory)"?'

dump() { # dump <side>: the text that is compared
  local side="$1" db="${DB_PREFIX}_$1"
  {
    echo "### PostgreSQL: pg_dump --schema-only"
    pg_dump --schema-only -d "$db" | grep -Ev '^\\(un)?restrict '
    echo "### PostgreSQL: pg_dump --data-only --inserts (history rows filtered)"
    pg_dump --data-only --inserts -d "$db" | grep -Ev '^\\(un)?restrict ' | grep -Ev "$HISTORY_ROW"
    echo "### SQLite: .schema (canonical form)"
    python3 - "$WORK/$side.db" <<'PY'
import re, sqlite3, sys

def split_top_level(body):
    """Splits a CREATE TABLE body at the commas outside parentheses and quotes; collapses whitespace."""
    parts, current, depth, quote = [], "", 0, None
    for ch in body:
        if quote:
            current += ch
            if ch == quote: quote = None
            continue
        if ch in "'\"`[": quote = "]" if ch == "[" else ch
        elif ch == "(": depth += 1
        elif ch == ")": depth -= 1
        if ch == "," and depth == 0:
            parts.append(current); current = ""
            continue
        current += ch
    parts.append(current)
    return [" ".join(p.split()) for p in parts]

db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY tbl_name, type, name")
for kind, name, table, sql in rows:
    table_sql = re.match(r"(CREATE TABLE [^(]*?)\s*\((.*)\)\s*$", sql, re.S)
    if kind == "table" and table_sql:
        print(" ".join(table_sql.group(1).split()) + " (")
        print(",\n".join("    " + p for p in split_top_level(table_sql.group(2))))
        print(");")
    else:
        print(sql + ";")
PY
    echo "### SQLite: .dump rows (history rows filtered)"
    sqlite3 "$WORK/$side.db" .dump | grep -E '^INSERT ' | grep -Ev "$HISTORY_ROW" || true
  } >"$WORK/$side.txt"
}

OLD_TREE="$WORK/old"
checkout "$OLD_REV" "$OLD_TREE"
if [ -n "$NEW_REV" ]; then NEW_TREE="$WORK/new"; checkout "$(git rev-parse --verify "$NEW_REV^{commit}")" "$NEW_TREE"
else NEW_TREE="$ROOT"; fi

log "old: $(git log -1 --format='%h %s' "$OLD_REV" | cut -c1-100)"
log "new: ${NEW_REV:-working tree} ($(git -C "$NEW_TREE" log -1 --format=%h HEAD))"
build_and_migrate old "$OLD_TREE"
build_and_migrate new "$NEW_TREE"
dump old
dump new

log "old: $(ls "$OLD_TREE"/src/App/Data/Migrations/Postgres/*.cs "$OLD_TREE"/src/App/Data/Migrations/Sqlite/*.cs | grep -c -v -e Designer -e Snapshot) migrations; new: $(ls "$NEW_TREE"/src/App/Data/Migrations/Postgres/*.cs "$NEW_TREE"/src/App/Data/Migrations/Sqlite/*.cs | grep -c -v -e Designer -e Snapshot) migrations (both providers)"
log "compared $(wc -l <"$WORK/old.txt") lines (old) with $(wc -l <"$WORK/new.txt") lines (new); filtered: only the __ef_migrations_history rows and pg_dump's \\restrict keys"
if diff -u --label "old ($(git rev-parse --short "$OLD_REV"))" --label "new (${NEW_REV:-working tree})" "$WORK/old.txt" "$WORK/new.txt"; then
  echo "schema diff: empty (PostgreSQL and SQLite)"
else
  echo "schema diff: NOT empty (above)"
  exit 1
fi
