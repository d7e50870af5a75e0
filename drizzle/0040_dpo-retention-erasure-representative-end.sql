CREATE TABLE "erasures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	CONSTRAINT "erasures_four_eyes" CHECK ("erasures"."approved_by" is null or "erasures"."approved_by" <> "erasures"."proposed_by"),
	CONSTRAINT "erasures_approved_whole" CHECK (("erasures"."approved_by" is null) = ("erasures"."approved_at" is null) and ("erasures"."completed_at" is null or "erasures"."approved_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "retention_settings" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"closed_case_years" integer DEFAULT 6 NOT NULL,
	"sign_in_attempt_days" integer DEFAULT 90 NOT NULL,
	"expired_session_days" integer DEFAULT 30 NOT NULL,
	"self_referral_days" integer DEFAULT 365 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_settings_one_row" CHECK ("retention_settings"."id"),
	CONSTRAINT "retention_settings_positive" CHECK ("retention_settings"."closed_case_years" >= 1 and "retention_settings"."sign_in_attempt_days" >= 1 and "retention_settings"."expired_session_days" >= 1 and "retention_settings"."self_referral_days" >= 1)
);
--> statement-breakpoint
ALTER TABLE "representatives" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "representatives" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "representatives" ADD COLUMN "ended_by" uuid;--> statement-breakpoint
ALTER TABLE "representatives" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "erasures" ADD CONSTRAINT "erasures_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasures" ADD CONSTRAINT "erasures_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasures" ADD CONSTRAINT "erasures_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "erasures_one_per_person_idx" ON "erasures" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "erasures_open_idx" ON "erasures" USING btree ("completed_at");--> statement-breakpoint
ALTER TABLE "representatives" ADD CONSTRAINT "representatives_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representatives" ADD CONSTRAINT "representatives_ended_whole" CHECK (("representatives"."ended_at" is null) = ("representatives"."ended_on" is null) and ("representatives"."ended_at" is null) = ("representatives"."ended_by" is null) and ("representatives"."ended_at" is null) = ("representatives"."end_reason" is null));