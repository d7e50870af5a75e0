CREATE TABLE "ras_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"effective_from" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	CONSTRAINT "ras_versions_version_unique" UNIQUE("version")
);
--> statement-breakpoint
ALTER TABLE "budget_entries" ADD COLUMN "ras_version_id" uuid;--> statement-breakpoint
ALTER TABLE "budget_entries" ADD COLUMN "lines" jsonb;--> statement-breakpoint
ALTER TABLE "ras_versions" ADD CONSTRAINT "ras_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ras_versions" ADD CONSTRAINT "ras_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_entries" ADD CONSTRAINT "budget_entries_ras_version_id_ras_versions_id_fk" FOREIGN KEY ("ras_version_id") REFERENCES "public"."ras_versions"("id") ON DELETE no action ON UPDATE no action;