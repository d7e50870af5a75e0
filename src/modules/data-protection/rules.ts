// What a data protection officer needs, as pure rules: retention, erasure's four eyes, ending a
// representative's authority, moving a caseload. No I/O: the stores and routes call these.

export interface RetentionPeriods {
  closedCaseYears: number;
  signInAttemptDays: number;
  expiredSessionDays: number;
  selfReferralDays: number;
}

export const DEFAULT_RETENTION: RetentionPeriods = {
  closedCaseYears: 6,
  signInAttemptDays: 90,
  expiredSessionDays: 30,
  selfReferralDays: 365,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** The date `years` whole years before `today` (29 February falls back to 28 February). */
export function yearsBefore(today: string, years: number): string {
  const [y, m, d] = today.slice(0, 10).split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/**
 * A case is closed, for retention, when nothing has happened on it for the period: Cairn has no
 * "support ended" state yet, so the last activity stands for it. Past retention: the last
 * activity is on or before the date the period reaches back to.
 */
export function pastRetention(lastActivity: string, today: string, years: number): boolean {
  return lastActivity.slice(0, 10) <= yearsBefore(today, years);
}

/** The moments before which each kind of short-lived record is pruned. */
export function pruneCutoffs(periods: RetentionPeriods, now: Date) {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  return {
    signInAttemptsBefore: before(periods.signInAttemptDays),
    sessionsExpiredBefore: before(periods.expiredSessionDays),
    selfReferralsBefore: before(periods.selfReferralDays),
  };
}

export interface ErasureFacts {
  proposedBy: string;
  approvedBy: string | null;
  completedAt: string | null;
}

/** Four eyes: the person who proposed an erasure never approves it; each is approved once. */
export function cannotApproveErasure(erasure: ErasureFacts, approverId: string): string | null {
  if (erasure.completedAt) return "This person's record has already been erased.";
  if (erasure.approvedBy) return "This erasure has already been approved.";
  if (erasure.proposedBy === approverId)
    return "You proposed this erasure: a different person must approve it.";
  return null;
}

/** A representative's authority ends once; the date it ended is not in the future. */
export function cannotEndAuthority(
  representative: { endedAt: string | null },
  endedOn: string,
  today: string,
): string | null {
  if (representative.endedAt) return "This authority has already ended.";
  if (endedOn > today) return "The date the authority ended cannot be in the future.";
  return null;
}

export interface Worker {
  id: string;
  role: string;
  teamId: string | null;
}

/** Who may receive a caseload, and a team manager moves only within their own team. */
export function cannotMoveCaseload(
  mover: { role: string; teamId: string | null },
  from: Worker,
  to: Worker,
): string | null {
  if (from.id === to.id) return "Choose a different worker to move the caseload to.";
  if (to.role !== "social-worker" && to.role !== "team-manager")
    return "A caseload can only move to a social worker or a team manager.";
  if (mover.role === "team-manager") {
    if (!mover.teamId || from.teamId !== mover.teamId || to.teamId !== mover.teamId)
      return "A team manager moves caseloads only between workers in their own team.";
  }
  return null;
}
