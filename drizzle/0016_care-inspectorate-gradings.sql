CREATE TABLE "care_inspectorate_gradings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cs_number" text NOT NULL,
	"service_name" text NOT NULL,
	"provider_name" text NOT NULL,
	"care_service" text NOT NULL,
	"council_area" text NOT NULL,
	"status" text NOT NULL,
	"registered_places" integer,
	"graded_on" text NOT NULL,
	"min_grade" integer,
	"grades" jsonb NOT NULL,
	"import_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_inspectorate_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"rows" integer NOT NULL,
	"added" integer NOT NULL,
	"imported_by" uuid NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "care_inspectorate_gradings" ADD CONSTRAINT "care_inspectorate_gradings_import_id_care_inspectorate_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."care_inspectorate_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ci_gradings_service_date_idx" ON "care_inspectorate_gradings" USING btree ("cs_number","graded_on");