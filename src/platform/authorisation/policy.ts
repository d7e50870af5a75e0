import { ROLES, type Role } from "./roles";

/** How the acting user stands to the person whose record is touched. */
export type Relationship =
  | "self"
  | "representative"
  | "allocated-worker"
  | "team-manager"
  | "supporting-provider"
  /**
   * A provider asked to take on a support (a request to it is open), not yet supporting the
   * person: it sees only the request's summary, what it needs to decide, never the record.
   */
  | "asked-provider"
  /** Provider staff acting on their own provider's directory entry. */
  | "own-provider"
  /** A team manager an administrator named to sign off this person's submitted assessment. */
  | "named-reviewer"
  | "none";

export type Action =
  | "read"
  | "list"
  | "create"
  | "update"
  | "approve"
  | "decide"
  | "choose"
  | "respond"
  | "sign"
  | "revoke";

export type Resource =
  | "person"
  | "referral"
  | "assessment"
  | "assessment-sign-off"
  | "assessment-sign-off-setting"
  | "eligibility-decision"
  | "budget"
  | "account"
  | "support-plan"
  | "provider-directory"
  | "provider"
  | "support-pool"
  | "procurement"
  | "contract"
  | "contract-template"
  | "contract-question"
  | "contract-paper-signature"
  | "council-settings"
  | "rate-request"
  | "ledger"
  | "provider-return"
  | "direct-payment-return"
  | "held-return-line"
  | "bank-details"
  | "statement"
  | "eligibility-criteria"
  | "self-referral"
  | "carer-assessment"
  | "ras"
  | "ras-impact"
  | "budget-authority"
  | "care-inspectorate-import"
  | "provider-health"
  | "report"
  | "audit-log"
  | "user"
  | "session"
  | "account-status"
  /** What a data protection officer needs: subject access, retention, erasure (issue 13). */
  | "data-protection"
  /** A representative's authority to act for a person (ending it). */
  | "representative"
  /** A worker's caseload, moved to another worker when they leave. */
  | "caseload"
  /** The signed-in user's own sign-in: their password and two-step. */
  | "own-account"
  | "provider-request"
  | "provider-health-reasons"
  | "duplicate-check"
  | "provider-identity";

export interface AccessRequest {
  role: Role;
  relationship: Relationship;
  action: Action;
  resource: Resource;
}

export interface AccessDecision {
  allowed: boolean;
  reason: string;
}

type Grant = Partial<Record<Role, readonly Relationship[]>>;

const CASE_HOLDERS: Grant = {
  "social-worker": ["allocated-worker"],
  "team-manager": ["team-manager"],
};
const ANY: readonly Relationship[] = [
  "none",
  "self",
  "representative",
  "allocated-worker",
  "team-manager",
  "supporting-provider",
  "asked-provider",
  "own-provider",
  "named-reviewer",
];
const OVERSIGHT: Grant = {
  "team-manager": ANY,
  "finance-officer": ANY,
  commissioner: ANY,
  administrator: ANY,
};

/** Every role, about something of their own that is no one's record (their sessions). */
const OWN: Grant = Object.fromEntries(ROLES.map((role) => [role, ["none"] as const]));

export type PolicyKey = `${Resource}:${Action}`;

/**
 * The whole access policy, one line per resource and action: which roles, in which
 * relationship to the person. Anything not listed is refused.
 */
const POLICY: Partial<Record<PolicyKey, Grant>> = {
  "person:read": {
    "supported-person": ["self"],
    representative: ["representative"],
    "social-worker": ["allocated-worker"],
    // A manager named to sign off an assessment reads the record it rests on.
    "team-manager": ["team-manager", "named-reviewer"],
    "provider-staff": ["supporting-provider"],
  },
  // Listing is scoped by the query itself to the people the actor stands in relation to.
  "person:list": {
    "supported-person": ["none"],
    representative: ["none"],
    "social-worker": ["none"],
    "team-manager": ["none"],
    "provider-staff": ["none"],
  },
  "referral:create": { "social-worker": ["none"], "team-manager": ["none"] },
  // A worker shown only that a new referral's person may already be recorded asks for a check;
  // a manager of their team (or an administrator) sees who it may be, and decides.
  "duplicate-check:create": { "social-worker": ["none"], "team-manager": ["none"] },
  "duplicate-check:list": { "team-manager": ["none"], administrator: ANY },
  "duplicate-check:decide": { "team-manager": ["team-manager"], administrator: ANY },
  "self-referral:list": { "social-worker": ["none"], "team-manager": ["none"] },
  "assessment:create": CASE_HOLDERS,
  "assessment:update": CASE_HOLDERS,
  "carer-assessment:create": CASE_HOLDERS,
  // Sign-off is the manager's; the four-eyes rule (never the author) is a state guard.
  "assessment:approve": { "team-manager": ["team-manager", "named-reviewer"] },
  "assessment:read": { ...CASE_HOLDERS, "team-manager": ["team-manager", "named-reviewer"] },
  // When no one in the team may sign off, an administrator names a manager (any team).
  "assessment-sign-off:list": { administrator: ANY },
  "assessment-sign-off:create": { administrator: ANY },
  "assessment-sign-off-setting:create": { administrator: ANY },
  "assessment:list": { "team-manager": ["none"] },
  "eligibility-decision:decide": CASE_HOLDERS,
  "budget:create": CASE_HOLDERS,
  // Approval above a worker's authority is the manager's; never the proposer's (a state guard).
  "budget:approve": { "team-manager": ["team-manager"] },
  "budget:list": { "team-manager": ["none"] },
  "account:create": CASE_HOLDERS,
  // A new one-time link to set a password, for the person's or a representative's account.
  "account:update": CASE_HOLDERS,
  "support-plan:choose": {
    "supported-person": ["self"],
    representative: ["representative"],
    ...CASE_HOLDERS,
  },
  "support-plan:list": { "provider-staff": ["none"] },
  "support-plan:read": {
    "supported-person": ["self"],
    representative: ["representative"],
    ...CASE_HOLDERS,
  },
  "support-plan:update": CASE_HOLDERS,
  // Within thresholds the allocated worker approves; above them a manager, never the author.
  "support-plan:approve": CASE_HOLDERS,
  "support-pool:create": CASE_HOLDERS,
  "procurement:read": { commissioner: ANY, administrator: ANY },
  "contract:create": CASE_HOLDERS,
  "contract:read": {
    "supported-person": ["self"],
    representative: ["representative"],
    "provider-staff": ["supporting-provider"],
    ...CASE_HOLDERS,
  },
  // Whether the signer may sign for the party they name is a further check (legal authority).
  "contract:sign": {
    "supported-person": ["self"],
    representative: ["representative"],
    "provider-staff": ["supporting-provider"],
    ...CASE_HOLDERS,
  },
  // The council answers questions; the parties it answers (the person, the provider) ask them.
  "contract-question:create": {
    "supported-person": ["self"],
    representative: ["representative"],
    "provider-staff": ["supporting-provider"],
  },
  "contract:respond": CASE_HOLDERS,
  // A signature made on paper is recorded by the case holder, never by a party to the contract.
  "contract-paper-signature:create": CASE_HOLDERS,
  "contract-template:read": { administrator: ANY, commissioner: ANY, ...CASE_HOLDERS },
  "contract-template:create": { administrator: ANY },
  // The council's defaults for new agreements: for the staff who make, fund and oversee them.
  "council-settings:read": {
    "social-worker": ANY,
    "team-manager": ANY,
    "finance-officer": ANY,
    commissioner: ANY,
    administrator: ANY,
  },
  "council-settings:update": { administrator: ANY },
  // A provider asks to renegotiate the rate only on a contract it is party to.
  "rate-request:create": { "provider-staff": ["supporting-provider"] },
  "rate-request:decide": { commissioner: ANY, "finance-officer": ANY },
  "ledger:create": { "finance-officer": ANY },
  "ledger:read": { "finance-officer": ANY, commissioner: ANY },
  // Lines of returns held to be asked about (over the plan, the fund or the cap): finance's.
  "held-return-line:list": { "finance-officer": ANY },
  "held-return-line:decide": { "finance-officer": ANY },
  // Where payees are paid: proposed by one finance officer, approved by another.
  "bank-details:list": { "finance-officer": ANY },
  "bank-details:create": { "finance-officer": ANY },
  "bank-details:approve": { "finance-officer": ANY },
  // Returns are the provider's to make on its own contracts; finance and the person can query.
  "provider-return:create": { "provider-staff": ["supporting-provider"] },
  "direct-payment-return:create": {
    "supported-person": ["self"],
    representative: ["representative"],
  },
  "provider-return:read": {
    "supported-person": ["self"],
    representative: ["representative"],
    "provider-staff": ["supporting-provider"],
    "finance-officer": ANY,
    ...CASE_HOLDERS,
  },
  "statement:read": {
    "supported-person": ["self"],
    representative: ["representative"],
    "provider-staff": ["supporting-provider"],
    "finance-officer": ANY,
    ...CASE_HOLDERS,
  },
  // Whether a provider is on the council's framework is the market team's call.
  "provider:decide": { commissioner: ANY, administrator: ANY },
  // The provider delivering a pooled support reads the person's share, which it bills.
  "support-pool:read": {
    "supported-person": ["self"],
    representative: ["representative"],
    "provider-staff": ["supporting-provider"],
    ...CASE_HOLDERS,
  },
  // A provider asked answers the request; it reads the request's summary (supports, hours,
  // locality, what the person agreed to share), never the person's record, until it supports them.
  "support-plan:respond": { "provider-staff": ["supporting-provider", "asked-provider"] },
  "provider-request:read": { "provider-staff": ["supporting-provider", "asked-provider"] },
  "provider-directory:list": Object.fromEntries(ROLES.map((role) => [role, ANY])),
  "provider:read": Object.fromEntries(ROLES.map((role) => [role, ANY])),
  "provider:create": { commissioner: ANY, administrator: ANY },
  // Provider staff keep their own entry up to date; the council's market team can correct any.
  "provider:update": {
    "provider-staff": ["own-provider"],
    commissioner: ANY,
    administrator: ANY,
  },
  // Who a provider is (name, kind, Care Inspectorate number) only the council changes; the
  // provider's staff ask, and a commissioner or administrator approves or rejects.
  "provider-identity:create": { "provider-staff": ["own-provider"] },
  "provider-identity:read": {
    "provider-staff": ["own-provider"],
    commissioner: ANY,
    administrator: ANY,
  },
  "provider-identity:list": { commissioner: ANY, administrator: ANY },
  "provider-identity:decide": { commissioner: ANY, administrator: ANY },
  "report:read": OVERSIGHT,
  "eligibility-criteria:create": { administrator: ANY },
  "ras:create": { administrator: ANY },
  "budget-authority:create": { administrator: ANY },
  // The council's internal delegation: staff who propose, approve, pay or plan budgets work
  // within it; the person and providers see its effect on their own budget, not the scheme.
  "budget-authority:read": {
    "social-worker": ANY,
    "team-manager": ANY,
    "finance-officer": ANY,
    commissioner: ANY,
    administrator: ANY,
  },
  "care-inspectorate-import:create": { administrator: ANY, commissioner: ANY },
  "provider-health:create": { commissioner: ANY },
  "provider-health:read": { commissioner: ANY, "finance-officer": ANY, administrator: ANY },
  // A provider's financial health with its reasons (reserves, dependence, credit), as staff
  // comparing providers see it; people and providers see a plain rating only if published.
  "provider-health-reasons:read": {
    "social-worker": ANY,
    "team-manager": ANY,
    "finance-officer": ANY,
    commissioner: ANY,
    administrator: ANY,
  },
  "ras:approve": { administrator: ANY },
  "ras:list": { administrator: ANY, "finance-officer": ANY, commissioner: ANY },
  "ras-impact:read": { administrator: ANY, "finance-officer": ANY, commissioner: ANY },
  "audit-log:read": { administrator: ANY },
  "user:list": { administrator: ANY },
  // Everyone lists and signs out only their own sessions (the queries keep to the caller's).
  "session:list": OWN,
  "session:revoke": OWN,
  // Turning an account off (its sessions end) and on again is the administrators'.
  "account-status:update": { administrator: ANY },
  // The administrator acts for the council's data protection officer: a person's whole record
  // for a subject access request, retention periods, and erasure (proposed and approved by two
  // different people: a state guard and a database constraint).
  "data-protection:read": { administrator: ANY },
  "data-protection:list": { administrator: ANY },
  "data-protection:update": { administrator: ANY },
  "data-protection:create": { administrator: ANY },
  "data-protection:approve": { administrator: ANY },
  // The case holder (or an administrator) ends a representative's authority; never the
  // representative themselves nor a provider.
  "representative:update": { ...CASE_HOLDERS, administrator: ANY },
  // A leaver's caseload: an administrator moves any; a team manager within their own team
  // (a state guard checks both workers are in it).
  "caseload:list": { administrator: ANY, "team-manager": ANY },
  "caseload:update": { administrator: ANY, "team-manager": ANY },
  // A new set-password link for any account; resetting an account's two-step (a lost phone).
  "user:update": { administrator: ANY },
  // Staff accounts are made by an administrator (with a link for the owner, never a password).
  "user:create": { administrator: ANY },
  // Everyone changes their own password and two-step, and no one else's.
  "own-account:read": Object.fromEntries(ROLES.map((role) => [role, ["none"]])),
  "own-account:update": Object.fromEntries(ROLES.map((role) => [role, ["none"]])),
};

/** Every resource and action someone may do, so the table test can prove it covers them all. */
export const POLICY_KEYS = Object.keys(POLICY) as PolicyKey[];

/** Decides one access: a pure function of role, relationship, action and resource. */
export function authorise({ role, relationship, action, resource }: AccessRequest): AccessDecision {
  const grant = POLICY[`${resource}:${action}`];
  if (!grant) return { allowed: false, reason: `no one may ${action} ${resource}` };
  const relationships = grant[role];
  if (!relationships) return { allowed: false, reason: `a ${role} may not ${action} ${resource}` };
  if (!relationships.includes(relationship)) {
    return {
      allowed: false,
      reason: `a ${role} may ${action} ${resource} only as ${relationships.join(" or ")}, not ${relationship}`,
    };
  }
  return { allowed: true, reason: `${role} as ${relationship}` };
}
