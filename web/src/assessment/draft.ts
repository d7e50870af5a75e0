import type { Assessment } from "../../../src/modules/person-record/replies";

export interface Draft {
  summary: string;
  strengths: string;
  informalSupport: string;
  outcomes: { inOwnWords: string; need: string; nationalOutcome: string; talkingPoint: string }[];
  risks: { whatCouldGoWrong: string; whatThePersonAccepts: string; whatReducesIt: string }[];
  participants: { name: string; role: string; authority: string }[];
}

export const blankOutcome = { inOwnWords: "", need: "", nationalOutcome: "", talkingPoint: "" };
export const blankRisk = { whatCouldGoWrong: "", whatThePersonAccepts: "", whatReducesIt: "" };
export const blankParticipant = { name: "", role: "person", authority: "none" };

/** The form's starting point: the saved draft if there is one, else an empty assessment. */
export function draftFrom(assessment: Assessment | null): Draft {
  if (!assessment || assessment.status === "approved" || assessment.status === "completed") {
    return {
      summary: "",
      strengths: "",
      informalSupport: "",
      outcomes: [blankOutcome],
      risks: [],
      participants: [],
    };
  }
  return {
    summary: assessment.summary,
    strengths: assessment.strengths,
    informalSupport: assessment.informalSupport,
    outcomes: assessment.outcomes.map((o) => ({
      inOwnWords: o.inOwnWords,
      need: o.need,
      nationalOutcome: o.nationalOutcome ?? "",
      talkingPoint: o.talkingPoint ?? "",
    })),
    risks: assessment.risks,
    participants: assessment.participants,
  };
}

/** A copy in the browser of what is being typed, so a lost connection or a closed tab loses nothing. */
export const backup = {
  key: (personId: string) => `cairn:assessment:${personId}`,
  load(personId: string): Draft | null {
    try {
      const text = window.localStorage.getItem(backup.key(personId));
      return text ? (JSON.parse(text) as Draft) : null;
    } catch {
      return null;
    }
  },
  save(personId: string, draft: Draft) {
    window.localStorage.setItem(backup.key(personId), JSON.stringify(draft));
  },
  clear(personId: string) {
    window.localStorage.removeItem(backup.key(personId));
  },
};
