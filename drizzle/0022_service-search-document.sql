-- A service's search document: its own words and its provider's, kept current by triggers so
-- every way of writing a service or a provider (API, import, demo data) keeps search right.
CREATE OR REPLACE FUNCTION cairn_service_search_document() RETURNS trigger AS $$
BEGIN
  SELECT to_tsvector('english', concat_ws(' ', p.name, p.service_type, p.town, p.summary,
                                          NEW.name, NEW.description))
    INTO NEW.search_document
    FROM providers p WHERE p.id = NEW.provider_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER provider_services_search_document
  BEFORE INSERT OR UPDATE OF name, description, provider_id ON provider_services
  FOR EACH ROW EXECUTE FUNCTION cairn_service_search_document();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cairn_provider_search_words() RETURNS trigger AS $$
BEGIN
  UPDATE provider_services SET name = name WHERE provider_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER providers_search_words
  AFTER UPDATE OF name, service_type, town, summary ON providers
  FOR EACH ROW EXECUTE FUNCTION cairn_provider_search_words();
--> statement-breakpoint
UPDATE provider_services SET name = name;
