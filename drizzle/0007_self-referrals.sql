CREATE TABLE "self_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"locality_id" uuid NOT NULL,
	"contact" text NOT NULL,
	"sent_by" text DEFAULT '' NOT NULL,
	"what_matters" text NOT NULL,
	"what_is_working" text DEFAULT '' NOT NULL,
	"what_is_not_working" text DEFAULT '' NOT NULL,
	"help_i_have" text DEFAULT '' NOT NULL,
	"choice_and_control" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"referral_id" uuid
);
--> statement-breakpoint
ALTER TABLE "self_referrals" ADD CONSTRAINT "self_referrals_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_referrals" ADD CONSTRAINT "self_referrals_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "self_referrals_open_idx" ON "self_referrals" USING btree ("referral_id","received_at");