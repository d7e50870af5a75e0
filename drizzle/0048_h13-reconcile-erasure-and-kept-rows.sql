-- Issue 13: the branches meet. The rows kept narrowly (finding 3) and the erasure (the data
-- protection officer's) must agree: a return line's description and a direct payment's payee
-- name and bank details in a run line are the person's personal data, so they are kept as
-- recorded EXCEPT while cairn_anonymise_person erases that person (the one exception, as on the
-- append-only tables). The columns added by findings 10 and 11 are kept too, and the tables they
-- added cannot be truncated.

-- Whose record a row is part of, now for return lines and run lines too.
CREATE OR REPLACE FUNCTION cairn_row_person(tbl text, r jsonb) RETURNS uuid AS $$
  SELECT CASE tbl
    WHEN 'budget_entries' THEN (r->>'person_id')::uuid
    WHEN 'plan_versions' THEN (r->>'person_id')::uuid
    WHEN 'assessment_versions' THEN
      (SELECT a.person_id FROM assessments a WHERE a.id = (r->>'assessment_id')::uuid)
    WHEN 'plan_events' THEN
      (SELECT p.person_id FROM provider_requests p WHERE p.id = (r->>'plan_id')::uuid)
    WHEN 'contract_versions' THEN
      (SELECT c.person_id FROM contracts c WHERE c.id = (r->>'contract_id')::uuid)
    WHEN 'contract_signatures' THEN
      (SELECT c.person_id FROM contract_versions v JOIN contracts c ON c.id = v.contract_id
        WHERE v.id = (r->>'contract_version_id')::uuid)
    WHEN 'bank_detail_versions' THEN
      (SELECT c.person_id FROM contracts c WHERE c.id = (r->>'contract_id')::uuid)
    WHEN 'provider_return_lines' THEN
      (SELECT c.person_id FROM provider_returns pr JOIN contracts c ON c.id = pr.contract_id
        WHERE pr.id = (r->>'return_id')::uuid)
    WHEN 'payment_run_lines' THEN
      (SELECT a.person_id FROM ledger_accounts a WHERE a.key = r->>'account')
    WHEN 'ledger_transactions' THEN
      (SELECT DISTINCT a.person_id FROM ledger_entries e JOIN ledger_accounts a ON a.key = e.account
        WHERE e.transaction_id = (r->>'id')::uuid AND a.person_id IS NOT NULL LIMIT 1)
  END
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- Kept columns, as before; a column named with a leading '~' is kept too, except that the
-- erasure of the row's own person may change it.
CREATE OR REPLACE FUNCTION cairn_keep_columns() RETURNS trigger AS $$
DECLARE
  arg text;
  col text;
  was jsonb;
  now_ jsonb;
  erasing uuid;
  mine boolean := false;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'table % keeps its rows: DELETE is not allowed', TG_TABLE_NAME;
  END IF;
  was := to_jsonb(OLD);
  now_ := to_jsonb(NEW);
  erasing := cairn_erasing_person();
  IF erasing IS NOT NULL THEN
    mine := cairn_row_person(TG_TABLE_NAME, was) = erasing;
  END IF;
  FOREACH arg IN ARRAY TG_ARGV LOOP
    col := ltrim(arg, '?~');
    IF (was -> col) IS DISTINCT FROM (now_ -> col)
       AND NOT (left(arg, 1) = '?' AND coalesce(was -> col, 'null'::jsonb) = 'null'::jsonb)
       AND NOT (left(arg, 1) = '~' AND mine) THEN
      RAISE EXCEPTION 'table %: % is kept as recorded and cannot be changed', TG_TABLE_NAME, col;
    END IF;
  END LOOP;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER provider_return_lines_kept ON provider_return_lines;
--> statement-breakpoint
CREATE TRIGGER provider_return_lines_kept BEFORE UPDATE OR DELETE ON provider_return_lines FOR EACH ROW
  EXECUTE FUNCTION cairn_keep_columns('id', 'return_id', 'line_number', 'kind', '~description', 'planned_minutes', 'delivered_minutes', 'planned_visits', 'delivered_visits', 'pence', 'held_reason', '?transaction_id');
--> statement-breakpoint
DROP TRIGGER payment_run_lines_kept ON payment_run_lines;
--> statement-breakpoint
CREATE TRIGGER payment_run_lines_kept BEFORE UPDATE OR DELETE ON payment_run_lines FOR EACH ROW
  EXECUTE FUNCTION cairn_keep_columns('id', 'run_id', 'account', 'payee_kind', '~payee_name', 'pence', '~sort_code', '~account_number', 'bank_version_id', 'one_off_line_id', 'one_off_description', 'owed_through_entry', '?transaction_id');
--> statement-breakpoint
CREATE TRIGGER bank_detail_versions_no_truncate BEFORE TRUNCATE ON bank_detail_versions FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER bank_detail_approvals_no_truncate BEFORE TRUNCATE ON bank_detail_approvals FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER return_line_decisions_no_truncate BEFORE TRUNCATE ON return_line_decisions FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER erasures_no_truncate BEFORE TRUNCATE ON erasures FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
