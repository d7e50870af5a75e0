import { z } from "zod";
import { CONTRACT_KINDS, PARTIES, RETURN_FREQUENCIES } from "./terms";

// The shapes the contract routes return: the replies are serialised through them, the OpenAPI
// document shows them, and the web takes its types from them (zod only: the web imports this).

const Kind = z.enum(CONTRACT_KINDS);
const PartyName = z.enum(PARTIES);

export const ContractTerms = z.object({
  person: z.string(),
  representative: z.string().nullable(),
  provider: z.string().nullable(),
  council: z.string(),
  outcomes: z.array(z.string()),
  supports: z.array(z.object({ description: z.string(), annualPence: z.number().int() })),
  annualPence: z.number().int(),
  oneOffs: z
    .array(
      z.object({
        lineId: z.string(),
        description: z.string(),
        pence: z.number().int(),
        month: z.string(),
      }),
    )
    .optional(),
  hourlyRatePence: z.number().int().nullable(),
  minutesPerWeek: z.number(),
  startDate: z.string(),
  reviewDate: z.string(),
  returnsEvery: z.enum(RETURN_FREQUENCIES).optional(),
});
export type ContractTerms = z.infer<typeof ContractTerms>;

export const ContractDocument = z.object({
  kind: Kind,
  title: z.string(),
  version: z.number().int(),
  parties: z.array(z.object({ party: PartyName, name: z.string(), signs: z.boolean() })),
  sections: z.array(
    z.object({
      heading: z.string(),
      paragraphs: z.array(z.string()),
      easyRead: z.array(z.string()),
    }),
  ),
});
export type ContractDocument = z.infer<typeof ContractDocument>;

export const Signature = z.object({
  party: PartyName,
  signerName: z.string(),
  signedAt: z.string(),
  documentHash: z.string(),
  method: z.enum(["online", "paper"]),
  signedOn: z.string().nullable(),
  /** The officer who recorded a paper signature (online, null). */
  recordedBy: z.string().nullable(),
  /** How it was signed, in words ("signed by … on paper on …, recorded by …"). */
  said: z.string(),
});
export type Signature = z.infer<typeof Signature>;

export const ContractQuestion = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  question: z.string(),
  askedBy: z.uuid(),
  askedAt: z.string(),
  answer: z.string().nullable(),
  answeredBy: z.uuid().nullable(),
  answeredAt: z.string().nullable(),
});
export type ContractQuestion = z.infer<typeof ContractQuestion>;

const RateStatus = z.enum(["open", "agreed", "declined"]);
const BuildUp = z.array(z.object({ component: z.string(), pence: z.number().int() }));

export const ContractRateRequest = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  proposedRatePence: z.number().int(),
  buildUp: BuildUp,
  reason: z.string(),
  status: RateStatus,
  raisedBy: z.uuid(),
  raisedAt: z.string(),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type ContractRateRequest = z.infer<typeof ContractRateRequest>;

/** What the signed-in user may do on this contract, from the access policy. */
export const ContractMay = z.object({
  /** Sign it for the party they speak for (`signsFor`). */
  sign: z.boolean(),
  /** Ask the council a question about it. */
  ask: z.boolean(),
  /** Answer the parties' questions (the council). */
  respond: z.boolean(),
  /** Record a signature made on a printed copy (the case holder). */
  recordPaperSignature: z.boolean(),
  /** Ask to renegotiate the rate (the provider party to it). */
  requestRate: z.boolean(),
  /** Make a return on it (the provider party to it). */
  makeReturn: z.boolean(),
});
export type ContractMay = z.infer<typeof ContractMay>;

export const Contract = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  kind: Kind,
  providerId: z.uuid().nullable(),
  version: z.number().int(),
  versionId: z.uuid(),
  terms: ContractTerms,
  document: ContractDocument,
  documentHash: z.string(),
  /** Whether the stored document still gives the hash it was signed under. */
  verified: z.boolean(),
  changeSummary: z.array(z.string()),
  status: z.enum(["active", "awaiting-signatures"]),
  waitingFor: z.array(PartyName),
  signatures: z.array(Signature),
  history: z.array(
    z.object({
      version: z.number().int(),
      changeSummary: z.array(z.string()),
      createdAt: z.string(),
    }),
  ),
  questions: z.array(ContractQuestion),
  rateRequests: z.array(ContractRateRequest),
  /** The party the signed-in user speaks for in this contract, if any. */
  signsFor: PartyName.nullable(),
  may: ContractMay,
});
export type Contract = z.infer<typeof Contract>;

export const PersonContracts = z.object({
  contracts: z.array(Contract),
  /** What the signed-in user may do with the person's agreements as a whole. */
  may: z.object({ make: z.boolean() }),
});
export type PersonContracts = z.infer<typeof PersonContracts>;

export const ContractsMade = z.object({
  contracts: z.array(
    z.object({
      contractId: z.uuid(),
      kind: Kind,
      version: z.number().int(),
      outcome: z.enum(["unchanged", "new-version", "created"]),
    }),
  ),
});
export type ContractsMade = z.infer<typeof ContractsMade>;

/** After a signature, online or on paper: whether the agreement is now in force. */
export const Signed = z.object({
  status: z.enum(["active", "awaiting-signatures"]),
  waitingFor: z.array(PartyName),
});
export type Signed = z.infer<typeof Signed>;

export const QuestionAsked = z.object({ questionId: z.uuid() });
export type QuestionAsked = z.infer<typeof QuestionAsked>;

export const QuestionAnswered = z.object({ answered: z.literal(true) });
export type QuestionAnswered = z.infer<typeof QuestionAnswered>;

export const RateRequestRaised = z.object({ rateRequestId: z.uuid() });
export type RateRequestRaised = z.infer<typeof RateRequestRaised>;

export const RateDecision = z.object({
  decision: z.enum(["agreed", "declined"]),
  /** The plan version that takes the new rate, when agreed. */
  planVersion: z.number().int().nullable(),
});
export type RateDecision = z.infer<typeof RateDecision>;

export const OpenRateRequest = z.object({
  id: z.uuid(),
  provider: z.string(),
  proposedRatePence: z.number().int(),
  buildUp: BuildUp,
  reason: z.string(),
  raisedAt: z.string(),
});
export type OpenRateRequest = z.infer<typeof OpenRateRequest>;

export const OpenRateRequests = z.object({ requests: z.array(OpenRateRequest) });
export type OpenRateRequests = z.infer<typeof OpenRateRequests>;

export const TemplateClause = z.object({
  topic: z.string(),
  heading: z.string(),
  text: z.string(),
  easyRead: z.array(z.string()),
});
export type TemplateClause = z.infer<typeof TemplateClause>;

export const ContractTemplate = z.object({
  kind: Kind,
  title: z.string(),
  clauses: z.array(TemplateClause),
});
export type ContractTemplate = z.infer<typeof ContractTemplate>;

export const TemplatesInUse = z.object({
  templates: z.array(
    z.object({
      kind: Kind,
      /** The council's version in use; null for Cairn's default. */
      id: z.uuid().nullable(),
      isDefault: z.boolean(),
      template: ContractTemplate,
    }),
  ),
});
export type TemplatesInUse = z.infer<typeof TemplatesInUse>;

export const TemplatePublished = z.object({ templateId: z.uuid() });
export type TemplatePublished = z.infer<typeof TemplatePublished>;

export const CouncilSettings = z.object({
  directPaymentReturnsEvery: z.enum(RETURN_FREQUENCIES),
  /** People and providers comparing providers see a plain-language health rating. */
  publishHealthRating: z.boolean(),
});
export type CouncilSettings = z.infer<typeof CouncilSettings>;
