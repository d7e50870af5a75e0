-- Approvals and the authority limits are kept as they were: each change is a new row.
CREATE TRIGGER budget_approvals_append_only BEFORE UPDATE OR DELETE ON budget_approvals
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER budget_authority_append_only BEFORE UPDATE OR DELETE ON budget_authority
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
