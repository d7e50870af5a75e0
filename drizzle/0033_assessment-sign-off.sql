CREATE TABLE "assessment_sign_off_reallocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"reallocated_by" uuid NOT NULL,
	"reallocated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_sign_off_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule" text NOT NULL,
	"from_level" text,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_sign_off_level_given" CHECK (("assessment_sign_off_settings"."rule" = 'from-level') = ("assessment_sign_off_settings"."from_level" is not null))
);
--> statement-breakpoint
ALTER TABLE "assessment_sign_off_reallocations" ADD CONSTRAINT "assessment_sign_off_reallocations_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sign_off_reallocations" ADD CONSTRAINT "assessment_sign_off_reallocations_manager_id_users_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sign_off_reallocations" ADD CONSTRAINT "assessment_sign_off_reallocations_reallocated_by_users_id_fk" FOREIGN KEY ("reallocated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sign_off_settings" ADD CONSTRAINT "assessment_sign_off_settings_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_sign_off_reallocations_idx" ON "assessment_sign_off_reallocations" USING btree ("assessment_id");--> statement-breakpoint
-- The setting's history and every reallocation are kept as they were.
CREATE TRIGGER assessment_sign_off_settings_append_only BEFORE UPDATE OR DELETE ON assessment_sign_off_settings
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER assessment_sign_off_reallocations_append_only BEFORE UPDATE OR DELETE ON assessment_sign_off_reallocations
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
