ALTER TABLE "ledger_accounts" ADD COLUMN "bank_sort_code" text;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD COLUMN "bank_account_number" text;