ALTER TABLE "support_plans" ADD COLUMN "plan_line_id" uuid;--> statement-breakpoint
ALTER TABLE "support_plans" ADD COLUMN "off_framework" boolean DEFAULT false NOT NULL;