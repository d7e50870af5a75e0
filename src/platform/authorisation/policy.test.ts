import { describe, expect, it } from "vitest";
import {
  type Action,
  authorise,
  POLICY_KEYS,
  type PolicyKey,
  type Relationship,
  type Resource,
} from "./policy";
import { ROLES, type Role } from "./roles";

type Row = [Role, Relationship, Action, Resource, boolean];

// Every relationship, checked by the compiler (a new one must be added here).
const RELATIONSHIPS = Object.keys({
  self: 1,
  representative: 1,
  "allocated-worker": 1,
  "team-manager": 1,
  "supporting-provider": 1,
  "asked-provider": 1,
  "own-provider": 1,
  "named-reviewer": 1,
  none: 1,
} satisfies Record<Relationship, 1>) as Relationship[];

// Open to everyone in any relationship, so no row can be refused: checked below instead.
const OPEN_TO_ALL: PolicyKey[] = ["provider-directory:list", "provider:read"];

// Each row: who, standing how to the person, does what, to what: allowed?
const table: Row[] = [
  // Reading a person's record follows the relationship, never the role alone.
  ["supported-person", "self", "read", "person", true],
  ["supported-person", "none", "read", "person", false],
  ["representative", "representative", "read", "person", true],
  ["representative", "none", "read", "person", false],
  ["social-worker", "allocated-worker", "read", "person", true],
  ["social-worker", "none", "read", "person", false],
  ["social-worker", "team-manager", "read", "person", false],
  ["team-manager", "team-manager", "read", "person", true],
  ["team-manager", "none", "read", "person", false],
  ["provider-staff", "supporting-provider", "read", "person", true],
  ["provider-staff", "none", "read", "person", false],
  ["finance-officer", "none", "read", "person", false],
  ["commissioner", "none", "read", "person", false],
  ["administrator", "none", "read", "person", false],
  // Recording the journey is for the case holder.
  ["social-worker", "none", "create", "referral", true],
  ["provider-staff", "none", "create", "referral", false],
  ["social-worker", "none", "list", "self-referral", true],
  ["finance-officer", "none", "list", "self-referral", false],
  ["social-worker", "allocated-worker", "create", "assessment", true],
  ["social-worker", "none", "create", "assessment", false],
  ["team-manager", "team-manager", "create", "assessment", true],
  ["supported-person", "self", "create", "assessment", false],
  ["social-worker", "allocated-worker", "update", "assessment", true],
  ["social-worker", "allocated-worker", "create", "carer-assessment", true],
  ["representative", "representative", "create", "carer-assessment", false],
  ["provider-staff", "supporting-provider", "update", "assessment", false],
  ["team-manager", "team-manager", "approve", "assessment", true],
  ["team-manager", "none", "approve", "assessment", false],
  ["social-worker", "allocated-worker", "approve", "assessment", false],
  ["team-manager", "none", "list", "assessment", true],
  // No dead end: a manager an administrator names may read and sign off; no one else outside.
  ["team-manager", "named-reviewer", "read", "person", true],
  ["team-manager", "named-reviewer", "approve", "assessment", true],
  ["team-manager", "named-reviewer", "update", "assessment", false],
  ["team-manager", "named-reviewer", "read", "support-plan", false],
  ["team-manager", "named-reviewer", "read", "assessment", true],
  ["social-worker", "allocated-worker", "read", "assessment", true],
  ["social-worker", "none", "read", "assessment", false],
  ["administrator", "none", "list", "assessment-sign-off", true],
  ["administrator", "none", "create", "assessment-sign-off", true],
  ["team-manager", "team-manager", "create", "assessment-sign-off", false],
  ["social-worker", "none", "list", "assessment-sign-off", false],
  // The council's sign-off setting is the administrator's.
  ["administrator", "none", "create", "assessment-sign-off-setting", true],
  ["team-manager", "none", "create", "assessment-sign-off-setting", false],
  ["social-worker", "none", "create", "assessment-sign-off-setting", false],
  ["social-worker", "none", "list", "assessment", false],
  ["social-worker", "allocated-worker", "decide", "eligibility-decision", true],
  ["provider-staff", "supporting-provider", "decide", "eligibility-decision", false],
  ["social-worker", "allocated-worker", "create", "budget", true],
  ["finance-officer", "none", "create", "budget", false],
  ["team-manager", "team-manager", "approve", "budget", true],
  ["social-worker", "allocated-worker", "approve", "budget", false],
  ["team-manager", "none", "approve", "budget", false],
  ["social-worker", "allocated-worker", "create", "account", true],
  ["representative", "representative", "create", "account", false],
  // The person, or someone acting for them, makes the choice.
  ["supported-person", "self", "choose", "support-plan", true],
  ["representative", "representative", "choose", "support-plan", true],
  ["social-worker", "allocated-worker", "choose", "support-plan", true],
  ["provider-staff", "supporting-provider", "choose", "support-plan", false],
  ["supported-person", "none", "choose", "support-plan", false],
  // Providers answer only requests made to them.
  ["provider-staff", "supporting-provider", "respond", "support-plan", true],
  ["provider-staff", "own-provider", "update", "provider", true],
  ["supported-person", "self", "read", "support-plan", true],
  ["supported-person", "self", "update", "support-plan", false],
  ["supported-person", "self", "choose", "support-plan", true],
  ["representative", "representative", "read", "support-plan", true],
  ["social-worker", "allocated-worker", "update", "support-plan", true],
  ["social-worker", "none", "update", "support-plan", false],
  ["social-worker", "allocated-worker", "approve", "support-plan", true],
  ["provider-staff", "supporting-provider", "read", "support-plan", false],
  ["supported-person", "self", "read", "support-pool", true],
  ["provider-staff", "supporting-provider", "read", "support-pool", true],
  ["provider-staff", "none", "read", "support-pool", false],
  ["social-worker", "allocated-worker", "create", "support-pool", true],
  ["social-worker", "none", "create", "support-pool", false],
  ["commissioner", "none", "read", "procurement", true],
  ["supported-person", "self", "sign", "contract", true],
  ["representative", "representative", "sign", "contract", true],
  ["provider-staff", "supporting-provider", "sign", "contract", true],
  ["provider-staff", "none", "read", "contract", false],
  ["social-worker", "allocated-worker", "create", "contract", true],
  ["supported-person", "self", "create", "contract", false],
  ["finance-officer", "none", "sign", "contract", false],
  // Signatures made on paper are recorded by the case holder only.
  ["social-worker", "allocated-worker", "create", "contract-paper-signature", true],
  ["team-manager", "team-manager", "create", "contract-paper-signature", true],
  ["social-worker", "none", "create", "contract-paper-signature", false],
  ["supported-person", "self", "create", "contract-paper-signature", false],
  ["representative", "representative", "create", "contract-paper-signature", false],
  ["provider-staff", "supporting-provider", "create", "contract-paper-signature", false],
  ["finance-officer", "none", "create", "contract-paper-signature", false],
  ["administrator", "none", "create", "contract-template", true],
  ["commissioner", "none", "decide", "rate-request", true],
  ["provider-staff", "supporting-provider", "decide", "rate-request", false],
  ["finance-officer", "none", "create", "ledger", true],
  ["finance-officer", "none", "read", "ledger", true],
  ["provider-staff", "none", "read", "ledger", false],
  ["social-worker", "allocated-worker", "create", "ledger", false],
  ["provider-staff", "supporting-provider", "create", "provider-return", true],
  ["provider-staff", "none", "create", "provider-return", false],
  ["supported-person", "self", "create", "direct-payment-return", true],
  ["provider-staff", "supporting-provider", "create", "direct-payment-return", false],
  ["supported-person", "self", "read", "statement", true],
  ["supported-person", "none", "read", "statement", false],
  ["social-worker", "none", "create", "contract-template", false],
  ["social-worker", "none", "read", "procurement", false],
  ["commissioner", "none", "decide", "provider", true],
  ["provider-staff", "own-provider", "decide", "provider", false],
  ["provider-staff", "none", "update", "provider", false],
  ["provider-staff", "own-provider", "create", "provider", false],
  ["commissioner", "none", "create", "provider", true],
  ["commissioner", "none", "update", "provider", true],
  ["social-worker", "none", "update", "provider", false],
  ["supported-person", "none", "read", "provider", true],
  ["provider-staff", "none", "respond", "support-plan", false],
  ["social-worker", "allocated-worker", "respond", "support-plan", false],
  ["provider-staff", "none", "list", "support-plan", true],
  ["social-worker", "none", "list", "support-plan", false],
  // Aggregates and oversight.
  ["supported-person", "none", "list", "provider-directory", true],
  ["provider-staff", "none", "list", "provider-directory", true],
  ["finance-officer", "none", "read", "report", true],
  ["commissioner", "none", "read", "report", true],
  ["social-worker", "none", "read", "report", false],
  ["administrator", "none", "read", "audit-log", true],
  ["team-manager", "none", "read", "audit-log", false],
  ["administrator", "none", "list", "user", true],
  ["administrator", "none", "create", "eligibility-criteria", true],
  ["team-manager", "none", "create", "eligibility-criteria", false],
  ["administrator", "none", "create", "ras", true],
  ["administrator", "none", "create", "budget-authority", true],
  ["administrator", "none", "update", "council-settings", true],
  ["finance-officer", "none", "update", "council-settings", false],
  ["administrator", "none", "read", "council-settings", true],
  ["social-worker", "none", "read", "council-settings", true],
  ["team-manager", "none", "read", "council-settings", true],
  ["finance-officer", "none", "read", "council-settings", true],
  ["commissioner", "none", "read", "council-settings", true],
  ["supported-person", "self", "read", "council-settings", false],
  ["representative", "representative", "read", "council-settings", false],
  ["provider-staff", "supporting-provider", "read", "council-settings", false],
  ["commissioner", "none", "create", "care-inspectorate-import", true],
  ["commissioner", "none", "create", "provider-health", true],
  ["finance-officer", "none", "create", "provider-health", false],
  ["finance-officer", "none", "read", "provider-health", true],
  ["provider-staff", "none", "read", "provider-health", false],
  ["social-worker", "none", "create", "care-inspectorate-import", false],
  ["team-manager", "none", "create", "budget-authority", false],
  ["finance-officer", "none", "create", "ras", false],
  ["administrator", "none", "approve", "ras", true],
  ["commissioner", "none", "approve", "ras", false],
  ["finance-officer", "none", "list", "ras", true],
  ["social-worker", "none", "list", "ras", false],
  ["commissioner", "none", "read", "ras-impact", true],
  ["team-manager", "none", "read", "ras-impact", false],
  ["commissioner", "none", "list", "user", false],
  // Listing is allowed by role; the query itself keeps to the actor's own people.
  ["social-worker", "none", "list", "person", true],
  ["provider-staff", "none", "list", "person", true],
  ["finance-officer", "none", "list", "person", false],
  ["commissioner", "none", "list", "person", false],
  ["team-manager", "none", "list", "budget", true],
  ["social-worker", "none", "list", "budget", false],
  ["supported-person", "self", "approve", "support-plan", false],
  ["provider-staff", "supporting-provider", "approve", "support-plan", false],
  // Parties read their contracts; the council answers questions on them.
  ["supported-person", "self", "read", "contract", true],
  ["representative", "representative", "read", "contract", true],
  ["provider-staff", "supporting-provider", "read", "contract", true],
  ["social-worker", "allocated-worker", "read", "contract", true],
  ["social-worker", "allocated-worker", "respond", "contract", true],
  ["team-manager", "team-manager", "respond", "contract", true],
  ["supported-person", "self", "respond", "contract", false],
  ["provider-staff", "supporting-provider", "respond", "contract", false],
  ["social-worker", "none", "respond", "contract", false],
  ["supported-person", "self", "create", "contract-question", true],
  ["representative", "representative", "create", "contract-question", true],
  ["provider-staff", "supporting-provider", "create", "contract-question", true],
  ["provider-staff", "none", "create", "contract-question", false],
  ["representative", "none", "create", "contract-question", false],
  ["social-worker", "allocated-worker", "create", "contract-question", false],
  ["provider-staff", "supporting-provider", "create", "rate-request", true],
  ["provider-staff", "none", "create", "rate-request", false],
  ["supported-person", "self", "create", "rate-request", false],
  ["social-worker", "allocated-worker", "create", "rate-request", false],
  ["commissioner", "none", "create", "rate-request", false],
  ["administrator", "none", "read", "contract-template", true],
  ["commissioner", "none", "read", "contract-template", true],
  ["provider-staff", "none", "read", "contract-template", false],
  ["supported-person", "none", "read", "contract-template", false],
  ["provider-staff", "supporting-provider", "read", "provider-return", true],
  ["supported-person", "self", "read", "provider-return", true],
  ["finance-officer", "none", "read", "provider-return", true],
  ["provider-staff", "none", "read", "provider-return", false],
  ["commissioner", "none", "read", "provider-return", false],
  // Staff who set or use budgets work within the council's limits of authority.
  ["social-worker", "none", "read", "budget-authority", true],
  ["team-manager", "none", "read", "budget-authority", true],
  ["finance-officer", "none", "read", "budget-authority", true],
  ["commissioner", "none", "read", "budget-authority", true],
  ["administrator", "none", "read", "budget-authority", true],
  ["supported-person", "self", "read", "budget-authority", false],
  ["representative", "none", "read", "budget-authority", false],
  ["provider-staff", "none", "read", "budget-authority", false],
  // A provider only asked (not yet supporting the person) answers the request and reads its
  // summary, never the record, the assessment, the plan, the agreements or the money.
  ["provider-staff", "asked-provider", "respond", "support-plan", true],
  ["provider-staff", "asked-provider", "read", "provider-request", true],
  ["provider-staff", "supporting-provider", "read", "provider-request", true],
  ["provider-staff", "none", "read", "provider-request", false],
  ["social-worker", "allocated-worker", "read", "provider-request", false],
  ["provider-staff", "asked-provider", "read", "person", false],
  ["provider-staff", "asked-provider", "read", "assessment", false],
  ["provider-staff", "asked-provider", "read", "support-plan", false],
  ["provider-staff", "asked-provider", "read", "contract", false],
  ["provider-staff", "asked-provider", "read", "statement", false],
  ["provider-staff", "asked-provider", "read", "support-pool", false],
  // A provider's financial health with its reasons: council staff only, never people or providers.
  ["social-worker", "none", "read", "provider-health-reasons", true],
  ["team-manager", "none", "read", "provider-health-reasons", true],
  ["finance-officer", "none", "read", "provider-health-reasons", true],
  ["commissioner", "none", "read", "provider-health-reasons", true],
  ["administrator", "none", "read", "provider-health-reasons", true],
  ["supported-person", "self", "read", "provider-health-reasons", false],
  ["representative", "representative", "read", "provider-health-reasons", false],
  ["provider-staff", "own-provider", "read", "provider-health-reasons", false],
  // The duplicate check of a new referral: the worker asks, a manager of their team decides.
  ["social-worker", "none", "create", "duplicate-check", true],
  ["provider-staff", "none", "create", "duplicate-check", false],
  ["team-manager", "none", "list", "duplicate-check", true],
  ["administrator", "none", "list", "duplicate-check", true],
  ["social-worker", "none", "list", "duplicate-check", false],
  ["team-manager", "team-manager", "decide", "duplicate-check", true],
  ["team-manager", "none", "decide", "duplicate-check", false],
  ["administrator", "none", "decide", "duplicate-check", true],
  ["social-worker", "allocated-worker", "decide", "duplicate-check", false],
  // A provider's identity: its staff ask, the council decides.
  ["provider-staff", "own-provider", "create", "provider-identity", true],
  ["provider-staff", "none", "create", "provider-identity", false],
  ["commissioner", "none", "create", "provider-identity", false],
  ["provider-staff", "own-provider", "read", "provider-identity", true],
  ["provider-staff", "none", "read", "provider-identity", false],
  ["commissioner", "none", "list", "provider-identity", true],
  ["provider-staff", "own-provider", "list", "provider-identity", false],
  ["administrator", "none", "decide", "provider-identity", true],
  ["commissioner", "none", "decide", "provider-identity", true],
  ["provider-staff", "own-provider", "decide", "provider-identity", false],
  ["social-worker", "none", "decide", "provider-identity", false],
  // Unknown combinations are refused.
  ["administrator", "none", "respond", "audit-log", false],
];

describe("authorise", () => {
  it.each(table)("%s as %s: %s %s -> %s", (role, relationship, action, resource, expected) => {
    const decision = authorise({ role, relationship, action, resource });
    expect(decision.allowed).toBe(expected);
    expect(decision.reason).not.toBe("");
  });

  // A grant with no allowed row is untested; one with no refused row may be wider than meant.
  it("has, for every POLICY key, a row it allows and a row it refuses", () => {
    const rowsFor = (key: PolicyKey, expected: boolean) =>
      table.filter(
        ([, , action, resource, e]) => `${resource}:${action}` === key && e === expected,
      );
    const untested = POLICY_KEYS.filter((key) => !rowsFor(key, true).length);
    const unrefused = POLICY_KEYS.filter(
      (key) => !OPEN_TO_ALL.includes(key) && !rowsFor(key, false).length,
    );
    expect({ untested, unrefused }).toEqual({ untested: [], unrefused: [] });
  });

  it.each(OPEN_TO_ALL)("allows %s to every role in every relationship", (key) => {
    const [resource, action] = key.split(":") as [Resource, Action];
    for (const role of ROLES)
      for (const relationship of RELATIONSHIPS)
        expect(authorise({ role, relationship, action, resource }).allowed).toBe(true);
  });

  it("says why it refused", () => {
    const decision = authorise({
      role: "social-worker",
      relationship: "none",
      action: "read",
      resource: "person",
    });
    expect(decision.reason).toContain("allocated-worker");
  });
});
