-- Issue 13, finding 3: append-only binds the application itself, not only roles that do not own
-- the tables. On PostgreSQL Cairn runs as an app role that cannot TRUNCATE, DROP or disable a
-- trigger (src/platform/db/roles.ts); these triggers bind every role, the owner on PGlite too.

-- 1. TRUNCATE skips row triggers: refuse it on every append-only table, once per statement.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER budget_entries_no_truncate BEFORE TRUNCATE ON budget_entries FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER budget_approvals_no_truncate BEFORE TRUNCATE ON budget_approvals FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER budget_streams_no_truncate BEFORE TRUNCATE ON budget_streams FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER budget_authority_no_truncate BEFORE TRUNCATE ON budget_authority FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER plan_events_no_truncate BEFORE TRUNCATE ON plan_events FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER assessment_versions_no_truncate BEFORE TRUNCATE ON assessment_versions FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER eligibility_criteria_no_truncate BEFORE TRUNCATE ON eligibility_criteria FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ras_versions_no_truncate BEFORE TRUNCATE ON ras_versions FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER provider_financial_checks_no_truncate BEFORE TRUNCATE ON provider_financial_checks FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER provider_contingency_plans_no_truncate BEFORE TRUNCATE ON provider_contingency_plans FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER directory_versions_no_truncate BEFORE TRUNCATE ON directory_versions FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER plan_versions_no_truncate BEFORE TRUNCATE ON plan_versions FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER plan_decisions_no_truncate BEFORE TRUNCATE ON plan_decisions FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER contract_templates_no_truncate BEFORE TRUNCATE ON contract_templates FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER contract_versions_no_truncate BEFORE TRUNCATE ON contract_versions FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER contract_signatures_no_truncate BEFORE TRUNCATE ON contract_signatures FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_transactions_no_truncate BEFORE TRUNCATE ON ledger_transactions FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_no_truncate BEFORE TRUNCATE ON ledger_accounts FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER payment_run_lines_no_truncate BEFORE TRUNCATE ON payment_run_lines FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER provider_return_lines_no_truncate BEFORE TRUNCATE ON provider_return_lines FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER assessment_sign_off_settings_no_truncate BEFORE TRUNCATE ON assessment_sign_off_settings FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER assessment_sign_off_reallocations_no_truncate BEFORE TRUNCATE ON assessment_sign_off_reallocations FOR EACH STATEMENT EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint

-- 2. Rows that must change state, kept narrowly: never deleted; the columns named as the
-- trigger's arguments never change, and a column named with a leading '?' is set once (from
-- empty to a value) and then kept.
CREATE OR REPLACE FUNCTION cairn_keep_columns() RETURNS trigger AS $$
DECLARE
  arg text;
  col text;
  was jsonb;
  now_ jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'table % keeps its rows: DELETE is not allowed', TG_TABLE_NAME;
  END IF;
  was := to_jsonb(OLD);
  now_ := to_jsonb(NEW);
  FOREACH arg IN ARRAY TG_ARGV LOOP
    col := ltrim(arg, '?');
    IF (was -> col) IS DISTINCT FROM (now_ -> col)
       AND NOT (left(arg, 1) = '?' AND coalesce(was -> col, 'null'::jsonb) = 'null'::jsonb) THEN
      RAISE EXCEPTION 'table %: % is kept as recorded and cannot be changed', TG_TABLE_NAME, col;
    END IF;
  END LOOP;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A ledger account: its identity is fixed; only where it is paid (bank details) may change.
CREATE TRIGGER ledger_accounts_kept BEFORE UPDATE OR DELETE ON ledger_accounts FOR EACH ROW
  EXECUTE FUNCTION cairn_keep_columns('key', 'kind', 'label', 'person_id', 'provider_id', 'contract_id', 'option', 'created_at');
--> statement-breakpoint
-- A provider's return line: what was delivered and charged is kept; its ledger transaction is
-- set once.
CREATE TRIGGER provider_return_lines_kept BEFORE UPDATE OR DELETE ON provider_return_lines FOR EACH ROW
  EXECUTE FUNCTION cairn_keep_columns('id', 'return_id', 'line_number', 'kind', 'description', 'planned_minutes', 'delivered_minutes', 'planned_visits', 'delivered_visits', 'pence', '?transaction_id');
--> statement-breakpoint
-- A payment run line: whom it pays, how much and where are kept; its payment is recorded once.
CREATE TRIGGER payment_run_lines_kept BEFORE UPDATE OR DELETE ON payment_run_lines FOR EACH ROW
  EXECUTE FUNCTION cairn_keep_columns('id', 'run_id', 'account', 'payee_kind', 'payee_name', 'pence', 'sort_code', 'account_number', 'one_off_line_id', 'one_off_description', 'owed_through_entry', '?transaction_id');
--> statement-breakpoint
-- ...and it is held (or its hold changed) only while its run is a draft.
CREATE OR REPLACE FUNCTION cairn_hold_in_draft() RETURNS trigger AS $$
BEGIN
  IF NEW.held_reason IS DISTINCT FROM OLD.held_reason
     AND (SELECT status FROM payment_runs WHERE id = NEW.run_id) <> 'draft' THEN
    RAISE EXCEPTION 'payment run line %: a line is held only while its run is a draft', NEW.id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER payment_run_lines_hold_in_draft BEFORE UPDATE ON payment_run_lines FOR EACH ROW
  EXECUTE FUNCTION cairn_hold_in_draft();
--> statement-breakpoint

-- 3. A posted ledger transaction gains no entries: entries are added only in the database
-- transaction that recorded it (opened_in, its xid8, set here whatever the insert says).
CREATE OR REPLACE FUNCTION cairn_ledger_opened() RETURNS trigger AS $$
BEGIN
  NEW.opened_in := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_transactions_opened BEFORE INSERT ON ledger_transactions FOR EACH ROW
  EXECUTE FUNCTION cairn_ledger_opened();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cairn_ledger_entry_in_open() RETURNS trigger AS $$
DECLARE opened bigint;
BEGIN
  SELECT opened_in INTO opened FROM ledger_transactions WHERE id = NEW.transaction_id;
  IF NOT FOUND THEN RETURN NEW; END IF; -- the foreign key says so
  IF opened IS DISTINCT FROM pg_current_xact_id()::text::bigint THEN
    RAISE EXCEPTION 'ledger transaction % is posted: it gains no entries (a correction is a reversal)', NEW.transaction_id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_in_open_transaction BEFORE INSERT ON ledger_entries FOR EACH ROW
  EXECUTE FUNCTION cairn_ledger_entry_in_open();
--> statement-breakpoint

-- 4. The audit log as a hash chain. Each row's content in one canonical text (the time in UTC,
-- to the microsecond), and its hash: SHA-256 over the previous row's hash and that text.
CREATE OR REPLACE FUNCTION cairn_audit_content(r audit_log) RETURNS text AS $$
  SELECT jsonb_build_array(r.seq, r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    r.actor_user_id, r.actor_role, r.action, r.resource_type, r.resource_id, r.person_id, r.outcome, r.detail)::text
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cairn_audit_hash(prev text, r audit_log) RETURNS text AS $$
  SELECT encode(sha256(convert_to(prev || cairn_audit_content(r), 'UTF8')), 'hex')
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- One chain: writers take its lock in turn (held to commit), so each row follows the last
-- committed one. A row's time is stamped as it joins (the default, now()), never before the
-- last row's; a row that says it happened before the last row is refused.
CREATE OR REPLACE FUNCTION cairn_audit_chain() RETURNS trigger AS $$
DECLARE last audit_log%ROWTYPE;
BEGIN
  PERFORM pg_advisory_xact_lock(4207130001);
  SELECT * INTO last FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
  IF NEW.at IS NULL OR NEW.at = now() THEN
    NEW.at := greatest(clock_timestamp(), last.at);
  ELSIF NEW.at < last.at THEN
    RAISE EXCEPTION 'audit_log is append-only: a row dated % is before the last row (%)', NEW.at, last.at;
  END IF;
  NEW.seq := coalesce(last.seq, 0) + 1;
  NEW.prev_hash := coalesce(last.hash, '');
  NEW.hash := cairn_audit_hash(NEW.prev_hash, NEW);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The rows already there join the chain in the order they were written.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
DO $$
DECLARE
  r audit_log%ROWTYPE;
  prev text := '';
  n bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    r.seq := n;
    r.prev_hash := prev;
    r.hash := cairn_audit_hash(prev, r);
    UPDATE audit_log SET seq = r.seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
    prev := r.hash;
  END LOOP;
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION cairn_audit_chain();
