export interface ThrottlePolicy {
  maxFailures: number;
  windowSeconds: number;
}

export const LOGIN_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowSeconds: 15 * 60 };

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Whether another sign-in attempt may be tried, given the times of recent failures
 * for the same account. After maxFailures inside the window, wait until the oldest
 * of them leaves it.
 */
export function loginThrottle(
  failureTimes: readonly Date[],
  now: Date,
  policy: ThrottlePolicy = LOGIN_THROTTLE,
): ThrottleDecision {
  const windowStart = now.getTime() - policy.windowSeconds * 1000;
  const recent = failureTimes
    .map((t) => t.getTime())
    .filter((t) => t > windowStart && t <= now.getTime())
    .sort((a, b) => b - a);
  if (recent.length < policy.maxFailures) return { allowed: true };
  const oldestCounted = recent[policy.maxFailures - 1] as number;
  const freeAt = oldestCounted + policy.windowSeconds * 1000;
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)),
  };
}
