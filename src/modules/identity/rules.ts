// Pure rules about accounts: state guards for turning an account off and on.

export interface AccountFacts {
  id: string;
  disabledAt: string | null;
}

/** Why an administrator may not turn this account off now, or null. */
export function cannotDisable(account: AccountFacts, actorUserId: string): string | null {
  if (account.id === actorUserId)
    return "You cannot turn off your own account. Ask another administrator.";
  if (account.disabledAt !== null) return "This account is already turned off.";
  return null;
}

/** Why an administrator may not turn this account back on now, or null. */
export function cannotEnable(account: AccountFacts): string | null {
  return account.disabledAt === null ? "This account is already on." : null;
}
