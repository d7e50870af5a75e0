import { describe, expect, it } from "vitest";
import type { Role } from "../../modules/identity/schema";
import { type Action, authorise, type Relationship, type Resource } from "./policy";

type Row = [Role, Relationship, Action, Resource, boolean];

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
  ["administrator", "none", "create", "contract-template", true],
  ["finance-officer", "none", "create", "ledger", true],
  ["social-worker", "allocated-worker", "create", "ledger", false],
  ["provider-staff", "supporting-provider", "create", "provider-return", true],
  ["provider-staff", "none", "create", "provider-return", false],
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
  // Unknown combinations are refused.
  ["administrator", "none", "respond", "audit-log", false],
];

describe("authorise", () => {
  it.each(table)("%s as %s: %s %s -> %s", (role, relationship, action, resource, expected) => {
    const decision = authorise({ role, relationship, action, resource });
    expect(decision.allowed).toBe(expected);
    expect(decision.reason).not.toBe("");
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
