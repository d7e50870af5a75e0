-- Funding streams are part of a budget entry: kept as they were.
CREATE TRIGGER budget_streams_append_only BEFORE UPDATE OR DELETE ON budget_streams
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
