-- Every version of a support plan, and every decision on one, is kept as it was.
CREATE TRIGGER plan_versions_append_only BEFORE UPDATE OR DELETE ON plan_versions
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER plan_decisions_append_only BEFORE UPDATE OR DELETE ON plan_decisions
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
