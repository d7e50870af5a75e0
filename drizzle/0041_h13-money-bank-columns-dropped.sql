ALTER TABLE "ledger_accounts" DROP COLUMN "bank_sort_code";--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP COLUMN "bank_account_number";--> statement-breakpoint
ALTER TABLE "providers" DROP COLUMN "bank_sort_code";--> statement-breakpoint
ALTER TABLE "providers" DROP COLUMN "bank_account_number";