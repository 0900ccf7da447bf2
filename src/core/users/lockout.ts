/** Repeated wrong passwords lock the account for a while: slows guessing without a permanent denial of service. */
export const lockoutPolicy = { maxFailures: 5, lockMinutes: 15 } as const;

export type SignInState = { failedSignIns: number; lockedUntil: Date | null };

export const isLocked = (state: SignInState, now: Date): boolean =>
  state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();

/** The state after one more wrong password. */
export const afterFailure = (state: SignInState, now: Date): SignInState => {
  const failedSignIns = state.failedSignIns + 1;
  if (failedSignIns < lockoutPolicy.maxFailures) return { failedSignIns, lockedUntil: null };
  return { failedSignIns: 0, lockedUntil: new Date(now.getTime() + lockoutPolicy.lockMinutes * 60_000) };
};
