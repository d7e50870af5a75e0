ALTER TABLE "provider_services" ADD COLUMN "search_document" "tsvector";--> statement-breakpoint
CREATE INDEX "provider_services_search_idx" ON "provider_services" USING gin ("search_document");