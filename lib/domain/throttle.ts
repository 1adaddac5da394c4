/**
 * Sign-in throttling rules. After `maxFailures` failed attempts for one email within `windowMs`, further
 * attempts for that email are refused for `lockMs` from the last of them. A per-address budget caps
 * password spraying across many emails, where the client's address is known. Attempts refused while locked do
 * not extend the lock. Each failure after the first for one email within `windowMs` also waits a delay that
 * doubles from `delayBaseMs` up to `delayMaxMs`.
 */
export const LOGIN_THROTTLE = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  ipMaxFailures: 50,
  ipWindowMs: 15 * 60_000,
  delayBaseMs: 250,
  delayMaxMs: 4_000,
} as const;

/** The address of every client when no trusted proxy names it: no per-address budget applies to it. */
export const NO_CLIENT_ADDRESS = 'direct';

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

/**
 * How long a failed sign-in waits before its reply: nothing for a first failure (a typo), then doubling with
 * each further failure for that email in the window, capped. Slows guessing without locking anyone else out.
 * @param recentFailures failures for the email within the window, this one included
 */
export function failureDelayMs(recentFailures: number, rules = LOGIN_THROTTLE): number {
  if (recentFailures < 2) return 0;
  return Math.min(rules.delayMaxMs, rules.delayBaseMs * 2 ** (recentFailures - 2));
}

/** True when the address has used up its budget of failures in the current window. */
export function addressLocked(failuresInWindow: number, rules = LOGIN_THROTTLE): boolean {
  return failuresInWindow >= rules.ipMaxFailures;
}

/**
 * The client address used for per-address throttling. Next.js passes a client's own X-Forwarded-For through
 * untouched, so the header is only believed behind a trusted proxy (TRUST_PROXY), and then only its last
 * entry, the one that proxy appended. Without a proxy no client has an address of its own: NO_CLIENT_ADDRESS.
 */
export function clientAddress(forwardedFor: string | null | undefined, trustProxy: boolean): string {
  if (!trustProxy || !forwardedFor) return NO_CLIENT_ADDRESS;
  const parts = forwardedFor
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.at(-1) ?? NO_CLIENT_ADDRESS;
}
