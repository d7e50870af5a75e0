// The API's shapes, as the web app reads them (see src/modules/people/contract.ts).

export interface UserRef {
  id: string;
  displayName: string;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: string;
  providerId: string | null;
  personId: string | null;
}

export interface PersonSummary {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  locality: { id: string; name: string };
  stage: string;
  allocatedWorker: UserRef | null;
  hasAccount: boolean;
}

export interface Outcome {
  id: string;
  inOwnWords: string;
  need: string;
  nationalOutcome: string | null;
  talkingPoint: string | null;
}

export interface Risk {
  whatCouldGoWrong: string;
  whatThePersonAccepts: string;
  whatReducesIt: string;
}

export interface Participant {
  name: string;
  role: string;
  authority: string;
}

export interface Assessment {
  id: string;
  status: "draft" | "submitted" | "approved" | "returned" | "completed";
  version: number;
  summary: string;
  strengths: string;
  informalSupport: string;
  risks: Risk[];
  participants: Participant[];
  recordedAt: string;
  recordedBy: UserRef;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewedBy: UserRef | null;
  reviewNote: string;
  outcomes: Outcome[];
  versions: { version: number; savedAt: string; savedBy: UserRef }[];
}

export interface Plan {
  id: string;
  option: "1" | "2" | "3";
  status: "awaiting-provider" | "declined" | "active";
  provider: { id: string; name: string } | null;
  startDate: string | null;
  committedHoursPerWeek: number | null;
  choiceReason: string;
  events: { event: string; note: string; at: string; actor: UserRef }[];
}

export interface PersonRecord extends PersonSummary {
  referrals: {
    id: string;
    source: string;
    urgency: string;
    reason: string;
    recordedAt: string;
    recordedBy: UserRef;
  }[];
  assessment: null | Assessment;

  eligibility: null | {
    id: string;
    riskLevel: string;
    eligible: boolean;
    reasons: string;
    decidedAt: string;
    decidedBy: UserRef;
  };
  budget: null | Budget;
  pendingBudget: null | Budget;
  budgetThisYear: null | {
    from: string;
    to: string;
    days: number;
    yearDays: number;
    pence: number;
  };

  plan: Plan | null;
  representatives: { id: string; displayName: string; relationship: string; authority: string }[];
  carerAssessments: {
    id: string;
    kind: "adult-carer-support-plan" | "young-carer-statement";
    carerName: string;
    relationship: string;
    caringRole: string;
    willingAndAble: string;
    outcomes: string[];
    recordedAt: string;
  }[];
}

export interface Provider {
  id: string;
  name: string;
  kind: string;
  serviceType: string;
  town: string | null;
  minGrade: number | null;
  summary: string;
}

export interface Summary {
  peopleByStage: Record<string, number>;
  plansByOption: Record<string, number>;
  activeAnnualBudgetPence: number;
  providersByKind: Record<string, number>;
  people: number;
}

export interface RasDefinition {
  careGroups: string[];
  questions: {
    key: string;
    label: string;
    answers: { value: string; label: string; points: number }[];
  }[];
  bands: { fromPoints: number; toPoints: number | null; pencePerPoint: Record<string, number> }[];
  adjustments: { key: string; label: string; basisPoints: number }[];
}

export interface PublishedRas {
  version: number;
  name: string;
  effectiveFrom: string;
  definition: RasDefinition;
}

export interface Budget {
  id: string;
  annualAmountPence: number;
  weeklyAmountPence: number;
  reason: string;
  rasVersion: number | null;
  lines: { text: string; pence: number }[] | null;
  setAt: string;
  setBy: UserRef;
  approvalNeeded: string | null;
  streams: {
    stream: string;
    annualAmountPence: number;
    weeklyAmountPence: number;
    reporting: string;
  }[];
}
