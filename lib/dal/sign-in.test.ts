import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser, TEST_PASSWORD } from '@/lib/testing/actors';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { ThrottledError } from '@/lib/errors';
import { listAuditEvents } from './audit';
import { actorForSession, endSession } from './sessions';
import { SESSION_MAX_AGE_S, signIn } from './sign-in';
import { setUserDisabled } from './users';

const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

describe.each(TEST_DRIVERS)('sign-in and sessions on %s', (driver) => {
  useFreshDatabase(driver);

  it('opens a session for the right password, case-insensitively on the email', async () => {
    const user = await makeUser('analyst');
    const result = await signIn({
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
    expect(await signIn({ email: user.label, password: 'not-the-password', ip: 'a' })).toBeNull();
    expect(await signIn({ email: 'nobody@example.com', password: TEST_PASSWORD, ip: 'a' })).toBeNull();
    await setUserDisabled({ actor: SYSTEM_ACTOR }, { userId: user.userId!, disabled: true });
    expect(await signIn({ email: user.label, password: TEST_PASSWORD, ip: 'a' })).toBeNull();
  });

  it('throttles an email after five failures in 15 minutes, for 15 minutes, even with the right password', async () => {
    const user = await makeUser('viewer');
    const start = new Date('2030-01-01T09:00:00Z');
    for (let i = 0; i < 5; i++)
      expect(await signIn({ email: user.label, password: `wrong-${i}`, ip: `ip-${i}` }, minutes(start, i))).toBeNull();
    await expect(signIn({ email: user.label, password: TEST_PASSWORD, ip: 'ip-x' }, minutes(start, 6))).rejects.toBeInstanceOf(
      ThrottledError,
    );
    await expect(signIn({ email: user.label, password: TEST_PASSWORD, ip: 'ip-x' }, minutes(start, 18))).rejects.toThrow(
      /Too many/,
    );
    expect(await signIn({ email: user.label, password: TEST_PASSWORD, ip: 'ip-x' }, minutes(start, 19))).not.toBeNull();
  });

  it('throttles an email that does not exist exactly as one that does', async () => {
    const start = new Date('2030-02-01T09:00:00Z');
    for (let i = 0; i < 5; i++) await signIn({ email: 'ghost@example.com', password: 'x', ip: `g-${i}` }, minutes(start, i));
    await expect(signIn({ email: 'ghost@example.com', password: 'x', ip: 'g' }, minutes(start, 5))).rejects.toBeInstanceOf(
      ThrottledError,
    );
  });

  it('a successful sign-in clears earlier failures', async () => {
    const user = await makeUser('viewer');
    const start = new Date('2030-03-01T09:00:00Z');
    for (let i = 0; i < 4; i++) await signIn({ email: user.label, password: 'wrong', ip: 's' }, minutes(start, i));
    expect(await signIn({ email: user.label, password: TEST_PASSWORD, ip: 's' }, minutes(start, 4))).not.toBeNull();
    expect(await signIn({ email: user.label, password: 'wrong', ip: 's' }, minutes(start, 5))).toBeNull();
    expect(await signIn({ email: user.label, password: TEST_PASSWORD, ip: 's' }, minutes(start, 6))).not.toBeNull();
  });

  it('throttles one address after 50 failures across many emails', async () => {
    const start = new Date('2030-04-01T09:00:00Z');
    for (let i = 0; i < 50; i++)
      await signIn({ email: `spray-${i}@example.com`, password: 'x', ip: '203.0.113.50' }, minutes(start, i / 10));
    await expect(
      signIn({ email: 'fresh@example.com', password: 'x', ip: '203.0.113.50' }, minutes(start, 6)),
    ).rejects.toBeInstanceOf(ThrottledError);
    expect(await signIn({ email: 'fresh@example.com', password: 'x', ip: '203.0.113.51' }, minutes(start, 6))).toBeNull();
  });

  it('ends a session after the idle timeout, after 12 hours, and on sign-out', async () => {
    const user = await makeUser('viewer');
    const start = new Date();
    const idle = await signIn({ email: user.label, password: TEST_PASSWORD, ip: 'i' }, start);
    expect(await actorForSession(idle!.sessionId, undefined, minutes(start, 119))).not.toBeNull();
    expect(await actorForSession(idle!.sessionId, undefined, minutes(start, 119 + 121))).toBeNull();

    const busy = await signIn({ email: user.label, password: TEST_PASSWORD, ip: 'i' }, start);
    let now = start;
    for (let h = 1; h < 12; h++) {
      now = minutes(start, h * 60);
      expect(await actorForSession(busy!.sessionId, undefined, now)).not.toBeNull();
    }
    expect(await actorForSession(busy!.sessionId, undefined, new Date(start.getTime() + SESSION_MAX_AGE_S * 1000))).toBeNull();

    const out = await signIn({ email: user.label, password: TEST_PASSWORD, ip: 'i' });
    await endSession(out!.sessionId);
    expect(await actorForSession(out!.sessionId)).toBeNull();
    expect(await actorForSession('not-a-uuid')).toBeNull();
  });

  it('audits successful, failed and throttled sign-ins', async () => {
    const user = await makeUser('viewer');
    await signIn({ email: user.label, password: TEST_PASSWORD, ip: 'audit' });
    await signIn({ email: user.label, password: 'wrong', ip: 'audit' });
    const { items } = await listAuditEvents({ actor: SYSTEM_ACTOR }, { actor: user.label, entity: 'session', page: 1 });
    expect(items.map((e) => e.action).sort()).toEqual(['login.failed', 'login.succeeded']);
    expect(items.find((e) => e.action === 'login.failed')?.after).toMatchObject({ reason: 'wrong password' });
  });
});
