// Plain constants shared by the tables (schema.ts) and the replies (replies.ts, read by the web).

/** Where a provider request, or a whole-budget choice of option and provider, stands. */
export const PLAN_STATUSES = ["awaiting-provider", "declined", "active"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** What the council decides on a version of the plan. */
export const PLAN_DECISIONS = ["approved", "returned"] as const;

export const SDS_OPTIONS = ["1", "2", "3"] as const;

/** What happens to a request to a provider, kept in plan_events. */
export const PLAN_EVENTS = ["chosen", "accepted", "declined"] as const;
