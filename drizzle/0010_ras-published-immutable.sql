-- A published RAS version is the council's public method: it is never changed or removed.
CREATE OR REPLACE FUNCTION cairn_keep_published() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'RAS version % is published and cannot be changed: make a new version', OLD.version;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ras_versions_keep_published BEFORE UPDATE OR DELETE ON ras_versions
  FOR EACH ROW EXECUTE FUNCTION cairn_keep_published();
