import type { Database } from "../db/client";

/**
 * A row's hash, computed here in full rather than by the database's own function, so a changed
 * function cannot vouch for changed rows: SHA-256 over the previous row's hash and the row's
 * canonical content (its fields in a JSON array, the time in UTC to the microsecond). It must
 * agree with cairn_audit_hash (migration dbroles-append-only-binds): an intact chain shows it does.
 */
const EXPECTED_HASH = `encode(sha256(convert_to(a.prev_hash || jsonb_build_array(a.seq, a.id,
  to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), a.actor_user_id, a.actor_role,
  a.action, a.resource_type, a.resource_id, a.person_id, a.outcome, a.detail)::text, 'UTF8')), 'hex')`;

export type ChainReport =
  | { intact: true; rows: number }
  | { intact: false; rows: number; rowId: number; reason: string };

interface Link {
  id: string;
  seq: string;
  prev_hash: string | null;
  hash: string | null;
  expected: string | null;
}

/**
 * Walks the audit log's hash chain in order and reports the first broken link (the row whose
 * place, link to the row before, or content does not match), or that it is intact with N rows.
 */
export async function verifyAuditChain(
  database: Pick<Database, "query">,
  batch = 5000,
): Promise<ChainReport> {
  const [outside] = await database.query<{ id: string }>(
    "select id from audit_log where seq is null or hash is null order by id limit 1",
  );
  let prevHash = "";
  let seq = 0;
  for (;;) {
    const links = await database.query<Link>(
      `select a.id, a.seq, a.prev_hash, a.hash, ${EXPECTED_HASH} as expected
         from audit_log a where a.seq > $1 order by a.seq limit $2`,
      [seq, batch],
    );
    for (const link of links) {
      const broken = (reason: string): ChainReport => ({
        intact: false,
        rows: seq,
        rowId: Number(link.id),
        reason,
      });
      if (Number(link.seq) !== seq + 1)
        return broken(`it is number ${link.seq} in the chain where ${seq + 1} should be`);
      if (link.prev_hash !== prevHash)
        return broken("it does not hold the hash of the row before it");
      if (link.hash !== link.expected)
        return broken("its content does not match its hash: it was changed");
      prevHash = link.hash as string; // equal to the expected hash, never null
      seq++;
    }
    if (links.length < batch) break;
  }
  if (outside)
    return {
      intact: false,
      rows: seq,
      rowId: Number(outside.id),
      reason: "it is not in the chain: it was added around the chain's trigger",
    };
  return { intact: true, rows: seq };
}

/** The report in one line, for people. */
export function describeChain(report: ChainReport): string {
  return report.intact
    ? `Audit chain intact, ${report.rows} rows`
    : `Audit chain broken at row id ${report.rowId}: ${report.reason} (${report.rows} rows before it are intact)`;
}
