import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loginAttempts } from '@/db/schema';
import { openDatabase } from '@/db/open';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser, TEST_PASSWORD } from '@/lib/testing/actors';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { clientAddress, failureDelayMs } from '@/lib/domain/throttle';
import { ThrottledError } from '@/lib/errors';
import { listAuditEvents } from './audit';
import { actorForSession, endSession } from './sessions';
import { SESSION_MAX_AGE_S, signIn, type SignInRequest } from './sign-in';
import { setUserDisabled } from './users';

const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);
const noWait = async () => {};
/** A sign-in that records the delay a failure would cost instead of waiting it out. */
const attempt = (request: SignInRequest, now?: Date) => signIn(request, now, { sleep: noWait });
/** The address every client has without TRUST_PROXY. */
const NO_PROXY = clientAddress('203.0.113.7', false);
/** The address a trusted proxy names (the last X-Forwarded-For entry). */
const behindProxy = (address: string) => clientAddress(`6.6.6.6, ${address}`, true);

describe.each(TEST_DRIVERS)('sign-in and sessions on %s', (driver) => {
  const database = useFreshDatabase(driver);

  async function attemptsFor(email: string, outcome: 'failed' | 'throttled'): Promise<number> {
    const [row] = await database
      .current()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.outcome, outcome)));
    return row!.n;
  }

  it('opens a session for the right password, case-insensitively on the email', async () => {
    const user = await makeUser('analyst');
    const result = await attempt({
      email: user.label.toUpperCase(),
      password: TEST_PASSWORD,
      ip: '198.51.100.1',
      userAgent: 'vitest',
    });
    expect(result).toMatchObject({ userId: user.userId, role: 'analyst' });
    expect(await actorForSession(result!.sessionId)).toMatchObject({ userId: user.userId, role: 'analyst', via: 'session' });
  });

  it('refuses a wrong password, an unknown email and a disabled user alike', async () => {
    const user = await makeUser('viewer');
    expect(await attempt({ email: user.label, password: 'not-the-password', ip: 'a' })).toBeNull();
    expect(await attempt({ email: 'nobody@example.com', password: TEST_PASSWORD, ip: 'a' })).toBeNull();
    await setUserDisabled({ actor: SYSTEM_ACTOR }, { userId: user.userId!, disabled: true });
    expect(await attempt({ email: user.label, password: TEST_PASSWORD, ip: 'a' })).toBeNull();
  });

  it('throttles an email after five failures in 15 minutes, for 15 minutes, even with the right password', async () => {
    const user = await makeUser('viewer');
    const start = new Date('2030-01-01T09:00:00Z');
    for (let i = 0; i < 5; i++)
      expect(await attempt({ email: user.label, password: `wrong-${i}`, ip: `ip-${i}` }, minutes(start, i))).toBeNull();
    await expect(attempt({ email: user.label, password: TEST_PASSWORD, ip: 'ip-x' }, minutes(start, 6))).rejects.toBeInstanceOf(
      ThrottledError,
    );
    await expect(attempt({ email: user.label, password: TEST_PASSWORD, ip: 'ip-x' }, minutes(start, 18))).rejects.toThrow(
      /Too many/,
    );
    expect(await attempt({ email: user.label, password: TEST_PASSWORD, ip: 'ip-x' }, minutes(start, 19))).not.toBeNull();
  });

  it('throttles an email that does not exist exactly as one that does', async () => {
    const start = new Date('2030-02-01T09:00:00Z');
    for (let i = 0; i < 5; i++) await attempt({ email: 'ghost@example.com', password: 'x', ip: `g-${i}` }, minutes(start, i));
    await expect(attempt({ email: 'ghost@example.com', password: 'x', ip: 'g' }, minutes(start, 5))).rejects.toBeInstanceOf(
      ThrottledError,
    );
  });

  it('a successful sign-in clears earlier failures', async () => {
    const user = await makeUser('viewer');
    const start = new Date('2030-03-01T09:00:00Z');
    for (let i = 0; i < 4; i++) await attempt({ email: user.label, password: 'wrong', ip: 's' }, minutes(start, i));
    expect(await attempt({ email: user.label, password: TEST_PASSWORD, ip: 's' }, minutes(start, 4))).not.toBeNull();
    expect(await attempt({ email: user.label, password: 'wrong', ip: 's' }, minutes(start, 5))).toBeNull();
    expect(await attempt({ email: user.label, password: TEST_PASSWORD, ip: 's' }, minutes(start, 6))).not.toBeNull();
  });

  it('behind a trusted proxy, throttles one address after 50 failures across many emails', async () => {
    const start = new Date('2030-04-01T09:00:00Z');
    for (let i = 0; i < 50; i++)
      await attempt({ email: `spray-${i}@example.com`, password: 'x', ip: behindProxy('203.0.113.50') }, minutes(start, i / 10));
    await expect(
      attempt({ email: 'fresh@example.com', password: 'x', ip: behindProxy('203.0.113.50') }, minutes(start, 6)),
    ).rejects.toBeInstanceOf(ThrottledError);
    expect(
      await attempt({ email: 'fresh@example.com', password: 'x', ip: behindProxy('203.0.113.51') }, minutes(start, 6)),
    ).toBeNull();
  });

  it('without a trusted proxy, 50 failures for random emails do not lock the admin out', async () => {
    const admin = await makeUser('admin');
    const start = new Date('2030-05-01T09:00:00Z');
    for (let i = 0; i < 50; i++)
      expect(await attempt({ email: `random-${i}@example.com`, password: 'x', ip: NO_PROXY }, minutes(start, i / 10))).toBeNull();
    expect(await attempt({ email: admin.label, password: TEST_PASSWORD, ip: NO_PROXY }, minutes(start, 6))).toMatchObject({
      userId: admin.userId,
    });
  });

  it('makes each further failure for one email wait longer, alike for an unknown email, and never a success', async () => {
    const user = await makeUser('viewer');
    const start = new Date('2030-06-01T09:00:00Z');
    const waitsFor = async (email: string, password: string) => {
      const waits: number[] = [];
      const sleep = async (ms: number) => void waits.push(ms);
      for (let i = 0; i < 4; i++) await signIn({ email, password: `wrong-${i}`, ip: NO_PROXY }, minutes(start, i), { sleep });
      expect(await signIn({ email, password, ip: NO_PROXY }, minutes(start, 4), { sleep })).not.toBeUndefined();
      return waits;
    };
    const known = await waitsFor(user.label, TEST_PASSWORD);
    expect(known).toEqual([2, 3, 4].map((n) => failureDelayMs(n)));
    expect(known[0]).toBeGreaterThan(0);
    expect(known[2]).toBeGreaterThan(known[1]!);
    expect(known[1]).toBeGreaterThan(known[0]!);
    const unknown = await waitsFor('nobody-here@example.com', 'still-wrong');
    expect(unknown).toEqual([...known, failureDelayMs(5)]);
  });

  it('lets at most five password checks run for one email, however many arrive at once on two servers', async () => {
    const user = await makeUser('viewer');
    // PostgreSQL: a second pool to the same database stands for a second app server.
    const url = database.url();
    const second = url ? await openDatabase({ driver: 'postgres', url, poolMax: 4 }) : undefined;
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 28 }, (_, i) =>
          signIn({ email: user.label, password: `guess-${i}`, ip: behindProxy(`198.51.100.${i}`) }, undefined, {
            sleep: noWait,
            db: i % 2 === 1 ? second?.db : undefined,
          }),
        ),
      );
      const refused = results.filter((r) => r.status === 'fulfilled' && r.value === null);
      const throttled = results.filter((r) => r.status === 'rejected' && r.reason instanceof ThrottledError);
      expect({ refused: refused.length, throttled: throttled.length }).toEqual({ refused: 5, throttled: 23 });
      expect(await attemptsFor(user.label, 'failed')).toBe(5);
      expect(await attemptsFor(user.label, 'throttled')).toBe(23);
    } finally {
      await second?.close();
    }
  });

  it('behind a trusted proxy, holds one address to 50 failures however many arrive at once', async () => {
    const url = database.url();
    const second = url ? await openDatabase({ driver: 'postgres', url, poolMax: 4 }) : undefined;
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 53 }, (_, i) =>
          signIn({ email: `burst-${i}@example.com`, password: 'x', ip: behindProxy('203.0.113.60') }, undefined, {
            sleep: noWait,
            db: i % 2 === 1 ? second?.db : undefined,
          }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
      expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof ThrottledError)).toHaveLength(3);
    } finally {
      await second?.close();
    }
  });

  it('ends a session after the idle timeout, after 12 hours, and on sign-out', async () => {
    const user = await makeUser('viewer');
    const start = new Date();
    const idle = await attempt({ email: user.label, password: TEST_PASSWORD, ip: 'i' }, start);
    expect(await actorForSession(idle!.sessionId, undefined, minutes(start, 119))).not.toBeNull();
    expect(await actorForSession(idle!.sessionId, undefined, minutes(start, 119 + 121))).toBeNull();

    const busy = await attempt({ email: user.label, password: TEST_PASSWORD, ip: 'i' }, start);
    let now = start;
    for (let h = 1; h < 12; h++) {
      now = minutes(start, h * 60);
      expect(await actorForSession(busy!.sessionId, undefined, now)).not.toBeNull();
    }
    expect(await actorForSession(busy!.sessionId, undefined, new Date(start.getTime() + SESSION_MAX_AGE_S * 1000))).toBeNull();

    const out = await attempt({ email: user.label, password: TEST_PASSWORD, ip: 'i' });
    await endSession(out!.sessionId);
    expect(await actorForSession(out!.sessionId)).toBeNull();
    expect(await actorForSession('not-a-uuid')).toBeNull();
  });

  it('audits successful, failed and throttled sign-ins', async () => {
    const user = await makeUser('viewer');
    await attempt({ email: user.label, password: TEST_PASSWORD, ip: 'audit' });
    await attempt({ email: user.label, password: 'wrong', ip: 'audit' });
    const { items } = await listAuditEvents({ actor: SYSTEM_ACTOR }, { actor: user.label, entity: 'session', page: 1 });
    expect(items.map((e) => e.action).sort()).toEqual(['login.failed', 'login.succeeded']);
    expect(items.find((e) => e.action === 'login.failed')?.after).toMatchObject({ reason: 'wrong password' });
  });
});
