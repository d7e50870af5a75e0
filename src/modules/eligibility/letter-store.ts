import type { Db } from "../../platform/db/client";
import { latestAssessment } from "../assessment/store";
import { personName } from "../people/store";
import { signpostsFor } from "../providers/store";
import { decisionLetter } from "./letter";
import { latestDecision } from "./store";

/** The eligibility decision letter, as the PDF route and the subject access export make it. */
export async function decisionLetterOf(db: Db, personId: string) {
  const decision = await latestDecision(db, personId);
  if (!decision) return null;
  const assessment = await latestAssessment(db, personId);
  const document = decisionLetter({
    person: await personName(db, personId),
    decision: { ...decision, decidedBy: decision.decidedBy.displayName },
    outcomes: assessment?.outcomes.map((o) => o.inOwnWords) ?? [],
    signposts: decision.eligible ? [] : await signpostsFor(db, personId),
  });
  return { resourceId: decision.id, document };
}
