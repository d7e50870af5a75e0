// Every table, for drizzle-kit. Each module owns its own schema file; this file wires them.

export * from "./modules/assessment/schema";
export * from "./modules/budgets/schema";
export * from "./modules/contracts/schema";
export * from "./modules/data-protection/schema";
export * from "./modules/eligibility/schema";
export * from "./modules/identity/schema";
export * from "./modules/ledger/schema";
export * from "./modules/organisation/schema";
export * from "./modules/people/schema";
export * from "./modules/plans/schema";
export * from "./modules/providers/schema";
export * from "./modules/referrals/schema";
export * from "./platform/audit/schema";
export * from "./platform/db/meta-schema";
