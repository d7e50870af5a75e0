-- Due-diligence checks and contingency plans are kept as they were: each change is a new row.
CREATE TRIGGER provider_financial_checks_append_only BEFORE UPDATE OR DELETE ON provider_financial_checks
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER provider_contingency_plans_append_only BEFORE UPDATE OR DELETE ON provider_contingency_plans
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
