ALTER TABLE "payment_run_lines" ADD COLUMN "one_off_line_id" text;--> statement-breakpoint
ALTER TABLE "payment_run_lines" ADD COLUMN "one_off_description" text;