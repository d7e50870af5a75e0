CREATE TABLE "council_settings" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"direct_payment_returns_every" text DEFAULT 'quarter' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_settings_one_row" CHECK ("council_settings"."id")
);
--> statement-breakpoint
ALTER TABLE "rate_requests" ALTER COLUMN "proposed_rate_pence" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "provider_services" ALTER COLUMN "hourly_rate_pence" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "payment_run_lines" ADD COLUMN "owed_through_entry" bigint;--> statement-breakpoint
ALTER TABLE "council_settings" ADD CONSTRAINT "council_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_run_lines_reserved_idx" ON "payment_run_lines" USING btree ("account","owed_through_entry") WHERE "payment_run_lines"."held_reason" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_runs_one_open_idx" ON "payment_runs" USING btree ((true)) WHERE "payment_runs"."status" in ('draft', 'approved');