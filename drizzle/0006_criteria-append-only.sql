-- Published eligibility criteria are kept as they were: each change is a new row.
CREATE TRIGGER eligibility_criteria_append_only BEFORE UPDATE OR DELETE ON eligibility_criteria
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
