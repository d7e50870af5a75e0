import { z } from "zod";

// What the money routes reply, as zod schemas: the server serialises through them and the web
// derives its types from them. Zod only (no drizzle, no node), so the web can import this file.
// Money is integer pence; dates are strings.

/** The month's budgets paid into every fund in force. */
export const Allocated = z.object({
  period: z.string(),
  recorded: z.number().int(),
  alreadyRecorded: z.number().int(),
});
export type Allocated = z.infer<typeof Allocated>;

/** A transaction recorded by a finance decision (a contribution, a reclaim, a reversal). */
export const TransactionRecorded = z.object({ transactionId: z.string().nullable() });
export type TransactionRecorded = z.infer<typeof TransactionRecorded>;

const Flag = z.object({
  kind: z.enum(["sustained-underspend", "overspend", "return-missing", "unusual-purchase"]),
  message: z.string(),
});

/** Spend against budget for a group of funds: an area, a provider, a care group. */
export const SpendGroup = z.object({
  name: z.string(),
  inPence: z.number().int(),
  spentPence: z.number().int(),
  funds: z.number().int(),
  /** Each person once, however many funds they have in the group. */
  people: z.number().int(),
});
export type SpendGroup = z.infer<typeof SpendGroup>;

export const FundSpend = z.object({
  fund: z.string(),
  contractId: z.string().nullable(),
  personId: z.string().nullable(),
  option: z.enum(["1", "2", "3"]),
  locality: z.string(),
  provider: z.string(),
  careGroup: z.string(),
  inPence: z.number().int(),
  spentPence: z.number().int(),
  flags: z.array(Flag),
});
export type FundSpend = z.infer<typeof FundSpend>;

/** Option 1 and 2 spend against budget, with flags to talk about. */
export const SpendMonitoring = z.object({
  asOf: z.string(),
  funds: z.array(FundSpend),
  byLocality: z.array(SpendGroup),
  byProvider: z.array(SpendGroup),
  byCareGroup: z.array(SpendGroup),
});
export type SpendMonitoring = z.infer<typeof SpendMonitoring>;

export const PaymentRunLine = z.object({
  id: z.string(),
  runId: z.string(),
  account: z.string(),
  /** Set when the run is drafted: a provider paid what it is owed, or a person's direct payment. */
  payeeKind: z.enum(["provider", "direct-payment"]),
  payeeName: z.string(),
  pence: z.number().int(),
  /** Masked in every reply ("**-**-60", "****1234"): only the payment file holds them whole. */
  sortCode: z.string().nullable(),
  accountNumber: z.string().nullable(),
  /** The approved version of the payee's bank details paid into. */
  bankVersionId: z.string().nullable(),
  /** A direct payment's one-off amount, paid once, as a line of its own. */
  oneOffLineId: z.string().nullable(),
  oneOffDescription: z.string().nullable(),
  heldReason: z.string().nullable(),
  owedThroughEntry: z.number().int().nullable(),
  transactionId: z.string().nullable(),
});
export type PaymentRunLine = z.infer<typeof PaymentRunLine>;

/** A payment run and its lines; what is to pay leaves out held lines. */
export const PaymentRun = z.object({
  id: z.string(),
  period: z.string(),
  status: z.enum(["draft", "approved", "paid"]),
  createdBy: z.string(),
  createdAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  lines: z.array(PaymentRunLine),
  totalPence: z.number().int(),
  reference: z.string(),
});
export type PaymentRun = z.infer<typeof PaymentRun>;

export const RunPaid = z.object({ paid: z.number().int(), alreadyPaid: z.number().int() });
export type RunPaid = z.infer<typeof RunPaid>;

/** Bank details as every reply shows them: "**-**-60", "****1234" (the payment file alone has them). */
const MaskedBank = z.object({
  sortCode: z.string().regex(/^\*\*-\*\*-\d{2}$/),
  accountNumber: z.string().regex(/^\*{4}\d{4}$/),
});

export const BankDetailsProposed = z.object({
  versionId: z.string(),
  proposed: MaskedBank,
  previous: MaskedBank.nullable(),
});
export type BankDetailsProposed = z.infer<typeof BankDetailsProposed>;

export const BankDetailsApproved = MaskedBank.extend({ versionId: z.string() });
export type BankDetailsApproved = z.infer<typeof BankDetailsApproved>;

/** Whom finance pays, the details in use and any change waiting for a second officer. */
export const Payee = z.object({
  payee: z.string(),
  payeeKind: z.enum(["provider", "direct-payment"]),
  name: z.string(),
  providerId: z.string().nullable(),
  contractId: z.string().nullable(),
  personId: z.string().nullable(),
  inUse: MaskedBank.extend({ versionId: z.string() }).nullable(),
  pending: MaskedBank.extend({
    versionId: z.string(),
    proposedBy: z.string(),
    proposedAt: z.string(),
    /** Proposed by the signed-in officer: a second officer must approve it. */
    mine: z.boolean(),
  }).nullable(),
});
export type Payee = z.infer<typeof Payee>;

export const Payees = z.object({ payees: z.array(Payee) });
export type Payees = z.infer<typeof Payees>;

/** A return kept: how many lines, and how many of them are held to be asked about. */
export const ReturnSubmitted = z.object({
  returnId: z.string(),
  lines: z.number().int(),
  held: z.number().int(),
});
export type ReturnSubmitted = z.infer<typeof ReturnSubmitted>;

export const ReturnLineMessage = z.object({
  id: z.string(),
  lineId: z.string(),
  message: z.string(),
  sentBy: z.string(),
  sentAt: z.string(),
});
export type ReturnLineMessage = z.infer<typeof ReturnLineMessage>;

/** A line of a return as kept: hours as whole minutes, money in pence, and its conversation. */
export const ReturnLineView = z.object({
  id: z.string(),
  returnId: z.string(),
  lineNumber: z.number().int(),
  kind: z.enum(["support", "purchase"]),
  description: z.string(),
  plannedMinutes: z.number().int(),
  deliveredMinutes: z.number().int(),
  plannedVisits: z.number().int(),
  deliveredVisits: z.number().int(),
  pence: z.number().int(),
  transactionId: z.string().nullable(),
  /** Why the line is held to be asked about (not paid until finance agrees), or null. */
  heldReason: z.string().nullable(),
  /** Finance's decision on a held line, once made. */
  decision: z.object({ decision: z.enum(["agreed", "rejected"]), note: z.string() }).nullable(),
  messages: z.array(ReturnLineMessage),
});
export type ReturnLineView = z.infer<typeof ReturnLineView>;

export const ProviderReturn = z.object({
  id: z.string(),
  contractId: z.string(),
  period: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  lines: z.array(ReturnLineView),
});
export type ProviderReturn = z.infer<typeof ProviderReturn>;

export const Returns = z.object({ returns: z.array(ProviderReturn) });
export type Returns = z.infer<typeof Returns>;

/** A held line as finance sees it, to agree or reject. */
export const HeldLine = z.object({
  id: z.string(),
  contractId: z.string(),
  period: z.string(),
  lineNumber: z.number().int(),
  kind: z.enum(["support", "purchase"]),
  description: z.string(),
  deliveredMinutes: z.number().int(),
  pence: z.number().int(),
  heldReason: z.string(),
  personId: z.string(),
  person: z.string(),
  provider: z.string().nullable(),
  submittedAt: z.string(),
});
export type HeldLine = z.infer<typeof HeldLine>;

export const HeldLines = z.object({ lines: z.array(HeldLine) });
export type HeldLines = z.infer<typeof HeldLines>;

export const LineDecided = z.object({
  lineId: z.string(),
  decision: z.enum(["agreed", "rejected"]),
  transactionId: z.string().nullable(),
});
export type LineDecided = z.infer<typeof LineDecided>;

export const MessageSent = z.object({ messageId: z.string() });
export type MessageSent = z.infer<typeof MessageSent>;

const Amount = z.object({ label: z.string(), pence: z.number().int() });

/** A month of one fund in plain words: what came in, what went out on what, what is left. */
export const Statement = z.object({
  openingPence: z.number().int(),
  cameIn: z.array(Amount),
  wentOut: z.array(Amount),
  totalInPence: z.number().int(),
  totalOutPence: z.number().int(),
  closingPence: z.number().int(),
});
export type Statement = z.infer<typeof Statement>;

export const FundStatement = z.object({
  fund: z.object({
    key: z.string(),
    label: z.string(),
    option: z.enum(["1", "2", "3"]).nullable(),
  }),
  statement: Statement,
});
export type FundStatement = z.infer<typeof FundStatement>;

export const Statements = z.object({ period: z.string(), statements: z.array(FundStatement) });
export type Statements = z.infer<typeof Statements>;
