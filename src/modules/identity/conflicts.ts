import type { UniqueConflicts } from "../../platform/http/request-errors";

/** What identity's unique constraints mean, for whichever request runs into one. */
export const IDENTITY_CONFLICTS: UniqueConflicts = {
  // One account per email address: two accounts made at once with one address, one is refused.
  users_email_unique: {
    path: "email",
    message: (taken) =>
      `There is already an account with the email address ${taken ?? "given"}: use another.`,
  },
};
