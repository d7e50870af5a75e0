-- Templates, contract versions and signatures are kept as they were: a signed document can
-- never be changed in place, and its hash shows any change made around the database.
CREATE TRIGGER contract_templates_append_only BEFORE UPDATE OR DELETE ON contract_templates
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER contract_versions_append_only BEFORE UPDATE OR DELETE ON contract_versions
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER contract_signatures_append_only BEFORE UPDATE OR DELETE ON contract_signatures
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
