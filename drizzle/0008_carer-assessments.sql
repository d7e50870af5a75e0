CREATE TABLE "carer_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"carer_name" text NOT NULL,
	"carer_date_of_birth" date NOT NULL,
	"relationship" text NOT NULL,
	"caring_role" text NOT NULL,
	"willing_and_able" text DEFAULT '' NOT NULL,
	"outcomes" text[] NOT NULL,
	"support_needed" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "carer_assessments" ADD CONSTRAINT "carer_assessments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_assessments" ADD CONSTRAINT "carer_assessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "carer_assessments_person_idx" ON "carer_assessments" USING btree ("person_id");