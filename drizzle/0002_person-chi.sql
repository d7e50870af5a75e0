ALTER TABLE "people" ADD COLUMN "chi" text;--> statement-breakpoint
CREATE INDEX "people_birth_date_idx" ON "people" USING btree ("date_of_birth");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_chi_unique" UNIQUE("chi");