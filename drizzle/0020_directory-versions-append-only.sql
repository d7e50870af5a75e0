-- Every version of a directory entry is kept as it was: refuse UPDATE and DELETE.
CREATE TRIGGER directory_versions_append_only BEFORE UPDATE OR DELETE ON directory_versions
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
