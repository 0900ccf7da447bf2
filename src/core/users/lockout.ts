/** Repeated wrong passwords lock the account for a while: slows guessing without a permanent denial of service. */
export const lockoutPolicy = { maxFailures: 5, lockMinutes: 15 } as const;

type SignInState = { failedSignIns: number; lockedUntil: Date | null };

export const isLocked = (state: SignInState, now: Date): boolean =>
  state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();

/**
 * When a wrong password locks the account: `attempt` is the attempt's number among those since the last right
 * one (counted before the password is checked), null when it does not lock.
 */
export const lockAfterWrong = (attempt: number, now: Date): Date | null =>
  attempt >= lockoutPolicy.maxFailures ? new Date(now.getTime() + lockoutPolicy.lockMinutes * 60_000) : null;
