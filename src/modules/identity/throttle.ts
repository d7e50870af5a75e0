/**
 * Sign-in throttling: a progressive delay, never a lockout.
 *
 * Two counts are kept over the sign-in attempts that were evaluated (a password was checked):
 * - the ACCOUNT's failures (one email, from any address) since its last success, in its window;
 * - the ADDRESS's failures (one client address, on any email, known or not), in its window.
 * Each allows a few failures free; after that the next attempt is evaluated only once a wait
 * has passed since the last failure (15 seconds), doubling with each further failure up to a
 * cap. Until then
 * the answer is 429 with Retry-After, and the password is not looked at.
 *
 * Why an attacker cannot keep the real owner out:
 * - The address delay is the long one (up to 15 minutes), and it bites only the address that
 *   failed: an attacker guessing from one address slows to a few guesses an hour, and the owner,
 *   elsewhere, is not touched by it.
 * - The account delay, which anyone can raise by guessing from many addresses, is capped short
 *   (a minute): the owner waits at most that long, and a refused attempt (429) is not a failure,
 *   so hammering does not lengthen it. It still holds any attacker to about sixty guesses an
 *   hour on one account (ASVS 2.2.1 asks for no more than 100).
 * - An address the account has signed in from recently (KNOWN_ADDRESS_DAYS) is not held by the
 *   account delay at all, only by its own address delay: the owner at their usual desk gets in
 *   whatever others do elsewhere.
 * Unknown emails are counted exactly like known ones, so the answers never tell them apart.
 */
export interface DelayPolicy {
  /** Failures allowed without any wait. */
  free: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further one. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** Failures older than this are forgotten. */
  windowSeconds: number;
}

export const ACCOUNT_DELAY: DelayPolicy = {
  free: 5,
  firstDelaySeconds: 15,
  maxDelaySeconds: 60,
  windowSeconds: 15 * 60,
};

export const ADDRESS_DELAY: DelayPolicy = {
  free: 10,
  firstDelaySeconds: 15,
  maxDelaySeconds: 15 * 60,
  windowSeconds: 60 * 60,
};

/** An address the account signed in from within this many days is known to it. */
export const KNOWN_ADDRESS_DAYS = 30;

/** Failures in one scope (account or address), as the database counts them. */
export interface Failures {
  count: number;
  /** Seconds since the most recent failure; null when there is none. */
  secondsSinceLast: number | null;
}

export interface SignInCounts {
  account: Failures;
  address: Failures;
  /** The account signed in from this address recently (within KNOWN_ADDRESS_DAYS). */
  knownAddress: boolean;
}

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; retryAfterSeconds: number; scope: "account" | "address" };

/** The wait required after the last of `failures` failures: 0 while they are free. */
export function delayAfter(failures: number, policy: DelayPolicy): number {
  if (failures < policy.free) return 0;
  const doublings = failures - policy.free;
  // 2^doublings overflows nothing here: the cap is reached long before.
  return Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** Math.min(doublings, 30));
}

function waitFor(failures: Failures, policy: DelayPolicy): number {
  const delay = delayAfter(failures.count, policy);
  if (delay === 0 || failures.secondsSinceLast === null) return 0;
  return Math.max(0, delay - failures.secondsSinceLast);
}

/**
 * Whether a sign-in attempt may be evaluated now, given the failures counted for its account
 * and its address; if not, how long to wait (whole seconds, at least 1).
 */
export function signInThrottle(
  counts: SignInCounts,
  policies: { account: DelayPolicy; address: DelayPolicy } = {
    account: ACCOUNT_DELAY,
    address: ADDRESS_DELAY,
  },
): ThrottleDecision {
  const address = waitFor(counts.address, policies.address);
  const account = counts.knownAddress ? 0 : waitFor(counts.account, policies.account);
  if (address <= 0 && account <= 0) return { allowed: true };
  const scope = address >= account ? "address" : "account";
  return {
    allowed: false,
    scope,
    retryAfterSeconds: Math.max(1, Math.ceil(Math.max(address, account))),
  };
}

/** A wait in plain words: "1 second", "40 seconds", "3 minutes". */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/**
 * The address an attempt is counted against: an IPv4 address as it is (also when written as
 * IPv6, ::ffff:a.b.c.d), an IPv6 address by its /64 network, since one client usually holds a
 * whole /64 and could otherwise take a fresh address for every guess.
 */
export function throttleAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!ip.includes(":")) return ip;
  const [head = "", tail] = ip.toLowerCase().split("%")[0]?.split("::") ?? [];
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const missing = Math.max(0, 8 - left.length - right.length);
  const groups = [...left, ...Array(missing).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
