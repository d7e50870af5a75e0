CREATE TABLE "budget_streams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"budget_entry_id" uuid NOT NULL,
	"stream" text NOT NULL,
	"annual_amount_pence" bigint NOT NULL,
	"reporting" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "budget_streams" ADD CONSTRAINT "budget_streams_budget_entry_id_budget_entries_id_fk" FOREIGN KEY ("budget_entry_id") REFERENCES "public"."budget_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_streams_entry_idx" ON "budget_streams" USING btree ("budget_entry_id");