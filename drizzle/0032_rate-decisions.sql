ALTER TABLE "rate_requests" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "rate_requests" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rate_requests" ADD COLUMN "decision_note" text;--> statement-breakpoint
ALTER TABLE "rate_requests" ADD CONSTRAINT "rate_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;