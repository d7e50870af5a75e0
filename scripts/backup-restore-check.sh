#!/usr/bin/env bash
# Backs up Cairn's PostgreSQL database with pg_dump, restores the dump into a new database and
# checks the copy: the audit chain verified on both (npm run audit:verify), and every table's
# row count the same. The restored copy is dropped afterwards (KEEP_RESTORE=1 keeps it).
#
#   bash scripts/backup-restore-check.sh            the database at CAIRN_MIGRATION_URL (the
#                                                   owner), else DATABASE_URL
#   bash scripts/backup-restore-check.sh --demo     first loads the demo council and 500 audit rows (for CI:
#                                                   bash scripts/with-postgres.sh bash scripts/backup-restore-check.sh --demo)
set -euo pipefail
cd "$(dirname "$0")/.."
owner_url=${CAIRN_MIGRATION_URL:-${DATABASE_URL:?Set DATABASE_URL (and CAIRN_MIGRATION_URL for the owner)}}
bin=/usr/lib/postgresql/15/bin
[ -x "$bin/pg_dump" ] || bin=$(dirname "$(command -v pg_dump)")

if [ "${1:-}" = "--demo" ]; then
  # Opening Cairn migrates (as the owner), grants the app role and loads the demo council once.
  CAIRN_DEMO=1 npx tsx --eval '(async () => {
    const { readConfig } = await import("./src/config.ts");
    const { createCairn } = await import("./src/server.ts");
    const cairn = await createCairn(readConfig());
    // Some history for the chain, written as the app role: 500 reads of the demo people.
    await cairn.database.query(`insert into audit_log (actor_role, action, resource_type, resource_id, person_id, outcome)
      select \x27social-worker\x27, \x27read\x27, \x27person\x27, p.id::text, p.id, \x27allowed\x27
      from generate_series(1, 500) g cross join lateral (select id from people order by id offset g % 10 limit 1) p`);
    await cairn.close();
  })()'
fi

work=$(mktemp -d /tmp/cairn-backup-XXXXXX)
source_db=$(node -e 'console.log(new URL(process.argv[1]).pathname.slice(1))' "$owner_url")
copy_db="${source_db}_restore_check_$(date +%s)"
copy_url=$(node -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];console.log(u.toString())' "$owner_url" "$copy_db")
app_copy_url=""
if [ -n "${CAIRN_MIGRATION_URL:-}" ]; then
  app_copy_url=$(node -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];console.log(u.toString())' "$DATABASE_URL" "$copy_db")
fi
cleanup() {
  if [ "${KEEP_RESTORE:-0}" != 1 ]; then
    "$bin/psql" -q "$owner_url" -c "DROP DATABASE IF EXISTS \"$copy_db\"" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "1. Back up $source_db with pg_dump (custom format)"
"$bin/pg_dump" --format=custom --file "$work/cairn.dump" "$owner_url"
ls -l "$work/cairn.dump" | awk '{print "   " $5 " bytes"}'

echo "2. Restore it into a new database, $copy_db"
"$bin/psql" -q -v ON_ERROR_STOP=1 "$owner_url" -c "CREATE DATABASE \"$copy_db\""
"$bin/pg_restore" --exit-on-error --no-owner --dbname "$copy_url" "$work/cairn.dump"

echo "3. Verify the audit chain of each"
# As the app role when there are two (the restore kept its grants), else as the one URL.
verify() { DATABASE_URL="$1" CAIRN_MIGRATION_URL="" npx tsx scripts/audit-verify.ts; }
original=$(verify "${DATABASE_URL}")
restored=$(verify "${app_copy_url:-$copy_url}")
echo "   original: $original"
echo "   restored: $restored"
case "$restored" in "Audit chain intact, "*) ;; *) echo "FAILED: the restored audit chain"; exit 1 ;; esac
[ "$original" = "$restored" ] || { echo "FAILED: the copies differ"; exit 1; }

echo "4. Compare every table's row count"
counts() {
  "$bin/psql" -X -At "$1" -c "select string_agg(format('%s %s', t, (xpath('/row/n/text()',
    query_to_xml(format('select count(*) as n from %I.%I', s, t), false, true, '')))[1]::text), E'\n' order by t)
    from (select schemaname s, tablename t from pg_tables where schemaname in ('public', 'drizzle')) x"
}
counts "$owner_url" >"$work/original.txt"
counts "$copy_url" >"$work/restored.txt"
if ! diff -u "$work/original.txt" "$work/restored.txt"; then echo "FAILED: row counts differ"; exit 1; fi
echo "   $(wc -l <"$work/original.txt") tables, $(awk '{s+=$2} END {print s}' "$work/original.txt") rows: the same"
echo "Backup and restore checked: $restored"
