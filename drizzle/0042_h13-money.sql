CREATE TABLE "bank_detail_approvals" (
	"version_id" uuid PRIMARY KEY NOT NULL,
	"proposed_by" uuid NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_detail_approvals_four_eyes" CHECK ("bank_detail_approvals"."approved_by" <> "bank_detail_approvals"."proposed_by")
);
--> statement-breakpoint
CREATE TABLE "bank_detail_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "bank_detail_versions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"payee" text NOT NULL,
	"payee_kind" text NOT NULL,
	"provider_id" uuid,
	"contract_id" uuid,
	"sort_code" text NOT NULL,
	"account_number" text NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"carried_over" boolean DEFAULT false NOT NULL,
	CONSTRAINT "bank_detail_versions_id_proposer" UNIQUE("id","proposed_by"),
	CONSTRAINT "bank_detail_versions_proposer" CHECK (("bank_detail_versions"."proposed_by" is null) = "bank_detail_versions"."carried_over"),
	CONSTRAINT "bank_detail_versions_payee" CHECK (("bank_detail_versions"."payee_kind" = 'provider' and "bank_detail_versions"."provider_id" is not null and "bank_detail_versions"."contract_id" is null and "bank_detail_versions"."payee" = 'provider:' || "bank_detail_versions"."provider_id")
        or ("bank_detail_versions"."payee_kind" = 'direct-payment' and "bank_detail_versions"."contract_id" is not null and "bank_detail_versions"."provider_id" is null and "bank_detail_versions"."payee" = 'fund:' || "bank_detail_versions"."contract_id")),
	CONSTRAINT "bank_detail_versions_sort_code" CHECK ("bank_detail_versions"."sort_code" ~ '^[0-9]{6}$'),
	CONSTRAINT "bank_detail_versions_account_number" CHECK ("bank_detail_versions"."account_number" ~ '^[0-9]{8}$')
);
--> statement-breakpoint
CREATE TABLE "return_line_decisions" (
	"line_id" uuid PRIMARY KEY NOT NULL,
	"decision" text NOT NULL,
	"note" text NOT NULL,
	"transaction_id" uuid,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_run_lines" ADD COLUMN "bank_version_id" uuid;--> statement-breakpoint
ALTER TABLE "provider_return_lines" ADD COLUMN "held_reason" text;--> statement-breakpoint
ALTER TABLE "bank_detail_approvals" ADD CONSTRAINT "bank_detail_approvals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_detail_approvals" ADD CONSTRAINT "bank_detail_approvals_version_fk" FOREIGN KEY ("version_id","proposed_by") REFERENCES "public"."bank_detail_versions"("id","proposed_by") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_detail_versions" ADD CONSTRAINT "bank_detail_versions_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_detail_versions" ADD CONSTRAINT "bank_detail_versions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_detail_versions" ADD CONSTRAINT "bank_detail_versions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_line_decisions" ADD CONSTRAINT "return_line_decisions_line_id_provider_return_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."provider_return_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_line_decisions" ADD CONSTRAINT "return_line_decisions_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_line_decisions" ADD CONSTRAINT "return_line_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_detail_versions_payee_idx" ON "bank_detail_versions" USING btree ("payee","seq");--> statement-breakpoint
ALTER TABLE "payment_run_lines" ADD CONSTRAINT "payment_run_lines_bank_version_id_bank_detail_versions_id_fk" FOREIGN KEY ("bank_version_id") REFERENCES "public"."bank_detail_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Issue 13 (#10, #11): held return lines' decisions and bank details are kept, never changed.
-- Bank details held in place until now become each payee's first version, carried over as in
-- use (they were paid into before changes needed a second officer); the old columns go next.
INSERT INTO bank_detail_versions (payee, payee_kind, provider_id, sort_code, account_number, carried_over)
SELECT 'provider:' || id, 'provider', id, bank_sort_code, bank_account_number, true
FROM providers
WHERE bank_sort_code ~ '^[0-9]{6}$' AND bank_account_number ~ '^[0-9]{8}$';
--> statement-breakpoint
INSERT INTO bank_detail_versions (payee, payee_kind, contract_id, sort_code, account_number, carried_over)
SELECT key, 'direct-payment', contract_id, bank_sort_code, bank_account_number, true
FROM ledger_accounts
WHERE kind = 'fund' AND option = '1' AND contract_id IS NOT NULL AND key = 'fund:' || contract_id
  AND bank_sort_code ~ '^[0-9]{6}$' AND bank_account_number ~ '^[0-9]{8}$';
--> statement-breakpoint
CREATE TRIGGER return_line_decisions_append_only BEFORE UPDATE OR DELETE ON return_line_decisions
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER bank_detail_versions_append_only BEFORE UPDATE OR DELETE ON bank_detail_versions
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER bank_detail_approvals_append_only BEFORE UPDATE OR DELETE ON bank_detail_approvals
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();

--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP COLUMN "bank_sort_code";--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP COLUMN "bank_account_number";--> statement-breakpoint
ALTER TABLE "providers" DROP COLUMN "bank_sort_code";--> statement-breakpoint
ALTER TABLE "providers" DROP COLUMN "bank_account_number";