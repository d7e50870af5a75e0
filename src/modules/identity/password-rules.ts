import { COMMON_PASSWORDS } from "./common-passwords";

// What a password must be (ASVS 4.0.3 V2.1): long enough, not too long to hash, not a common
// or guessable one; no rules about kinds of character. Pure: the routes and the web share it.

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** How long a new account's link lives, and a reset's (hours). */
export const LINK_HOURS = { new: 72, "first-administrator": 72, reset: 1 } as const;
export type LinkPurpose = keyof typeof LINK_HOURS;

/** Letters and digits only, lower case: "Pass word-1234!" and "password1234" are the same guess. */
const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

const COMMON = new Set(COMMON_PASSWORDS.map(squash));

/** Characters as people count them (an emoji is one), not UTF-16 units. */
const length = (text: string) => [...text].length;

/**
 * Why this password will not do, in plain words, or null if it will. `about` is what is known
 * of the account (email, name): a password made of those is the first thing anyone would try.
 */
export function passwordProblem(
  password: string,
  about: { email?: string; displayName?: string } = {},
): string | null {
  const n = length(password);
  if (n < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters`;
  if (n > PASSWORD_MAX) return `Use no more than ${PASSWORD_MAX} characters`;
  const squashed = squash(password);
  if (COMMON.has(squashed)) return "This is a common password: choose one that is harder to guess";
  if (new Set([...password.toLowerCase()]).size <= 2)
    return "Use more different characters: this is easy to guess";
  const own = [about.email?.split("@")[0], about.email, about.displayName]
    .map((t) => squash(t ?? ""))
    .filter((t) => t.length >= 3);
  if (own.some((t) => squashed === t || (squashed.includes(t) && squashed.length - t.length < 6)))
    return "Do not base your password on your name or email";
  return null;
}

/** When a link made now for this purpose stops working. */
export function linkExpiry(purpose: LinkPurpose, now: Date): string {
  return new Date(now.getTime() + LINK_HOURS[purpose] * 3600_000).toISOString();
}
