-- The table holds the requests a plan sends to providers (one per provider and support line),
-- not support plans: it is renamed, with its indexes and foreign keys, keeping every row.
ALTER TABLE "support_plans" RENAME TO "provider_requests";--> statement-breakpoint
ALTER TABLE "provider_requests" RENAME CONSTRAINT "support_plans_pkey" TO "provider_requests_pkey";--> statement-breakpoint
ALTER INDEX "support_plans_person_idx" RENAME TO "provider_requests_person_idx";--> statement-breakpoint
ALTER INDEX "support_plans_provider_idx" RENAME TO "provider_requests_provider_idx";--> statement-breakpoint
ALTER TABLE "provider_requests" RENAME CONSTRAINT "support_plans_person_id_people_id_fk" TO "provider_requests_person_id_people_id_fk";--> statement-breakpoint
ALTER TABLE "provider_requests" RENAME CONSTRAINT "support_plans_budget_entry_id_budget_entries_id_fk" TO "provider_requests_budget_entry_id_budget_entries_id_fk";--> statement-breakpoint
ALTER TABLE "provider_requests" RENAME CONSTRAINT "support_plans_provider_id_providers_id_fk" TO "provider_requests_provider_id_providers_id_fk";--> statement-breakpoint
ALTER TABLE "provider_requests" RENAME CONSTRAINT "support_plans_chosen_by_users_id_fk" TO "provider_requests_chosen_by_users_id_fk";--> statement-breakpoint
ALTER TABLE "plan_events" RENAME CONSTRAINT "plan_events_plan_id_support_plans_id_fk" TO "plan_events_plan_id_provider_requests_id_fk";
