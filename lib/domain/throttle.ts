/**
 * Sign-in throttling rules. After `maxFailures` failed attempts for one email within `windowMs`, further
 * attempts for that email are refused for `lockMs` from the last of them. A per-address budget caps
 * password spraying across many emails. Attempts refused while locked do not extend the lock.
 */
export const LOGIN_THROTTLE = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  ipMaxFailures: 50,
  ipWindowMs: 15 * 60_000,
} as const;

/**
 * When the email's lock ends, or null when it is not locked.
 * @param failures failed attempts since the last successful sign-in, at least over the last window + lock
 */
export function emailLockedUntil(failures: readonly Date[], now: Date, rules = LOGIN_THROTTLE): Date | null {
  const times = failures.map((d) => d.getTime()).sort((a, b) => a - b);
  let until: number | null = null;
  for (let i = rules.maxFailures - 1; i < times.length; i++) {
    const first = times[i - (rules.maxFailures - 1)]!;
    const last = times[i]!;
    if (last - first <= rules.windowMs && now.getTime() < last + rules.lockMs) until = last + rules.lockMs;
  }
  return until === null ? null : new Date(until);
}

/** True when the address has used up its budget of failures in the current window. */
export function addressLocked(failuresInWindow: number, rules = LOGIN_THROTTLE): boolean {
  return failuresInWindow >= rules.ipMaxFailures;
}

/**
 * The client address used for per-address throttling. Next.js passes a client's own X-Forwarded-For through
 * untouched, so the header is only believed behind a trusted proxy (TRUST_PROXY), and then only its last
 * entry, the one that proxy appended. Without a proxy every client shares one budget, "direct".
 */
export function clientAddress(forwardedFor: string | null | undefined, trustProxy: boolean): string {
  if (!trustProxy || !forwardedFor) return 'direct';
  const parts = forwardedFor
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.at(-1) ?? 'direct';
}
