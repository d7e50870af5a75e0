import type { LineOption } from "./costing";

// The four principles of the Social Care (Self-directed Support) (Scotland) Act 2013, s.1,
// judged against what was recorded about the choice: never a gate, a mirror.

export const PARTICIPANT_ROLES = [
  "person",
  "representative",
  "advocate",
  "family",
  "social-worker",
  "other",
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export interface ChoiceRecord {
  participants: { role: ParticipantRole; name: string }[];
  /** What the person was told about each option, and how (leaflet, conversation, easy read). */
  informationGiven: { option: LineOption; how: string }[];
  decidedBy: "person" | "representative" | "social-worker";
  reasons: string;
}

export type Principle =
  | "involvement"
  | "collaboration"
  | "informed-choice"
  | "participation-and-dignity";

export interface PrincipleCheck {
  principle: Principle;
  met: boolean;
  evidence: string;
}

const has = (r: ChoiceRecord, ...roles: ParticipantRole[]) =>
  r.participants.some((p) => roles.includes(p.role));

export function principlesShown(r: ChoiceRecord): PrincipleCheck[] {
  const told = new Set(r.informationGiven.map((i) => i.option));
  const missing = (["1", "2", "3"] as const).filter((o) => !told.has(o));
  const ownChoice = r.decidedBy !== "social-worker";
  return [
    {
      principle: "involvement",
      met: has(r, "person", "representative"),
      evidence: has(r, "person", "representative")
        ? "The person, or someone acting for them, took part."
        : "Neither the person nor anyone acting for them is recorded as taking part.",
    },
    {
      principle: "collaboration",
      met: has(r, "person", "representative") && has(r, "social-worker"),
      evidence:
        has(r, "person", "representative") && has(r, "social-worker")
          ? "The person and the social worker worked it out together."
          : "The choice was not recorded as made together with the social worker.",
    },
    {
      principle: "informed-choice",
      met: missing.length === 0,
      evidence:
        missing.length === 0
          ? "The person was given information about all three options."
          : `No information is recorded about Option ${missing.join(" or ")}.`,
    },
    {
      principle: "participation-and-dignity",
      met: ownChoice && r.reasons.trim().length > 0,
      evidence: !ownChoice
        ? "The decision is recorded as the social worker's, not the person's."
        : r.reasons.trim()
          ? "The decision and the reasons for it are the person's own."
          : "The person's reasons for the decision are not recorded.",
    },
  ];
}
