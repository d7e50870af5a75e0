-- The audit log, budget entries and plan events are append-only: refuse UPDATE and DELETE.
CREATE OR REPLACE FUNCTION cairn_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER budget_entries_append_only BEFORE UPDATE OR DELETE ON budget_entries
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER plan_events_append_only BEFORE UPDATE OR DELETE ON plan_events
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
