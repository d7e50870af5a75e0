#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at PostgreSQL 15. Uses DATABASE_URL if already set;
# otherwise makes a throwaway cluster on a free loopback port and removes it afterwards. The
# throwaway cluster has Cairn's two roles (README: Operations and security): cairn_owner, which
# owns the database and migrates (CAIRN_MIGRATION_URL), and cairn_app, which Cairn and every
# database test run as (DATABASE_URL).
set -euo pipefail
if [ -n "${DATABASE_URL:-}" ]; then exec "$@"; fi

bin=/usr/lib/postgresql/15/bin
[ -x "$bin/initdb" ] || bin=$(dirname "$(command -v initdb)")
dir=$(mktemp -d /tmp/cairn-pg-XXXXXX)
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"

cleanup() {
  as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${CAIRN_PG_FSYNC:-off}" start >/dev/null
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway)"
as_pg "$bin/psql" -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 <<'SQL'
CREATE ROLE cairn_owner LOGIN CREATEDB;
CREATE ROLE cairn_app LOGIN;
CREATE DATABASE cairn OWNER cairn_owner;
SQL
export DATABASE_URL="postgres://cairn_app@127.0.0.1:$port/cairn"
export CAIRN_MIGRATION_URL="postgres://cairn_owner@127.0.0.1:$port/cairn"
set +e
"$@"
status=$?
exit $status
