-- Payment run lines say what kind of payee they pay; existing lines take it from their account.
ALTER TABLE "payment_run_lines" ADD COLUMN "payee_kind" text;--> statement-breakpoint
UPDATE "payment_run_lines" l SET "payee_kind" = CASE a."kind" WHEN 'fund' THEN 'direct-payment' ELSE 'provider' END
  FROM "ledger_accounts" a WHERE a."key" = l."account";--> statement-breakpoint
ALTER TABLE "payment_run_lines" ALTER COLUMN "payee_kind" SET NOT NULL;--> statement-breakpoint
-- Ledger accounts now open with an agreement's last signature. Agreements already in force (the
-- newest version signed by every party its kind needs, as contracts/in-force.ts decides) get theirs
-- here, worded as ledger/funds.ts words them.
CREATE TEMPORARY TABLE "in_force_backfill" AS
  SELECT c."id", c."person_id", c."provider_id",
         CASE c."kind" WHEN 'three-way' THEN '2' WHEN 'direct-payment-agreement' THEN '1' ELSE '3' END AS "option"
  FROM "contracts" c
  JOIN "contract_versions" cv ON cv."contract_id" = c."id"
   AND cv."version" = (SELECT max(v."version") FROM "contract_versions" v WHERE v."contract_id" = c."id")
  WHERE NOT EXISTS (
    SELECT 1 FROM (VALUES ('three-way', 'person'), ('three-way', 'provider'), ('three-way', 'council'),
                          ('direct-payment-agreement', 'person'), ('direct-payment-agreement', 'council'),
                          ('service-order', 'council'), ('service-order', 'provider')) AS needed(kind, party)
    WHERE needed.kind = c."kind" AND NOT EXISTS (
      SELECT 1 FROM "contract_signatures" s WHERE s."contract_version_id" = cv."id" AND s."party" = needed.party));--> statement-breakpoint
INSERT INTO "ledger_accounts" ("key", "kind", "label")
  SELECT k, 'council', label FROM (VALUES ('council:funding', 'Council social care budget'),
    ('council:purchases', 'Purchases made from funds'), ('council:paid-out', 'Paid out by the council')) AS a(k, label)
  WHERE EXISTS (SELECT 1 FROM "in_force_backfill")
  ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "ledger_accounts" ("key", "kind", "label", "person_id", "provider_id", "contract_id", "option")
  SELECT 'fund:' || f."id", 'fund',
         p."given_name" || ' ' || p."family_name" || '''s ' ||
         CASE f."option" WHEN '1' THEN 'direct payment account' WHEN '2' THEN 'Individual Service Fund' ELSE 'council-arranged budget' END ||
         coalesce(' with ' || pr."name", ''),
         f."person_id", f."provider_id", f."id", f."option"
  FROM "in_force_backfill" f
  JOIN "people" p ON p."id" = f."person_id"
  LEFT JOIN "providers" pr ON pr."id" = f."provider_id"
  ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "ledger_accounts" ("key", "kind", "label", "provider_id")
  SELECT DISTINCT 'provider:' || pr."id", 'provider', pr."name", pr."id"
  FROM "in_force_backfill" f JOIN "providers" pr ON pr."id" = f."provider_id"
  ON CONFLICT DO NOTHING;--> statement-breakpoint
DROP TABLE "in_force_backfill";
