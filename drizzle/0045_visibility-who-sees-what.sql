CREATE TABLE "provider_identity_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"requested" jsonb NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duplicate_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requested_by" uuid NOT NULL,
	"referral" jsonb NOT NULL,
	"match_ids" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"referral_id" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "council_settings" ADD COLUMN "publish_health_rating" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_requests" ADD COLUMN "share_outcomes" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_identity_requests" ADD CONSTRAINT "provider_identity_requests_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_checks" ADD CONSTRAINT "duplicate_checks_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_checks" ADD CONSTRAINT "duplicate_checks_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_checks" ADD CONSTRAINT "duplicate_checks_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_identity_requests_open_idx" ON "provider_identity_requests" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "duplicate_checks_open_idx" ON "duplicate_checks" USING btree ("status","requested_at");