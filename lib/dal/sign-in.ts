import 'server-only';
import { and, eq, gt, gte, sql } from 'drizzle-orm';
import { loginAttempts, sessions, users } from '@/db/schema';
import { getDb } from '@/db/client';
import type { Actor } from '../domain/actor';
import { LOGIN_THROTTLE, addressLocked, emailLockedUntil } from '../domain/throttle';
import { burnVerifyTime, verifyPassword } from '../auth/password';
import { ThrottledError } from '../errors';
import { recordAudit } from './audit';

/** A session lasts at most this long, however active (the cookie's lifetime matches). */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** One message for every refusal, so a reply never tells whether an account exists. */
export const SIGN_IN_REFUSED = 'The email or password is not correct.';
export const SIGN_IN_THROTTLED = 'Too many failed sign-in attempts. Wait 15 minutes and try again.';

export interface SignInRequest {
  email: string;
  password: string;
  ip: string;
  userAgent?: string | null;
}

export interface SignedIn {
  userId: string;
  email: string;
  name: string;
  role: Actor['role'];
  sessionId: string;
}

/**
 * Checks a password sign-in and opens a session. Returns null on a wrong email or password (or a disabled
 * user); throws ThrottledError while the email or the address is locked. Every attempt is recorded and
 * audited.
 */
export async function signIn(request: SignInRequest, now = new Date()): Promise<SignedIn | null> {
  const email = request.email.trim().toLowerCase().slice(0, 254);
  const db = await getDb();
  const attemptActor: Actor = { userId: null, label: email || '(blank)', role: 'viewer', via: 'session', ip: request.ip };

  if (await isThrottled(email, request.ip, now)) {
    await db.transaction(async (tx) => {
      await tx.insert(loginAttempts).values({ email, ip: request.ip, outcome: 'throttled', at: now });
      await recordAudit(tx, attemptActor, { action: 'login.throttled', entityType: 'session', after: { email } });
    });
    throw new ThrottledError(SIGN_IN_THROTTLED);
  }

  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, request.password)
    : (await burnVerifyTime(request.password), false);

  if (!user || !passwordOk || user.disabled) {
    const reason = !user ? 'unknown email' : !passwordOk ? 'wrong password' : 'user disabled';
    await db.transaction(async (tx) => {
      await tx.insert(loginAttempts).values({ email, ip: request.ip, outcome: 'failed', at: now });
      await recordAudit(
        tx,
        { ...attemptActor, userId: user?.id ?? null },
        {
          action: 'login.failed',
          entityType: 'session',
          entityId: null,
          after: { email, reason },
        },
      );
    });
    return null;
  }

  const sessionId = await db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ email, ip: request.ip, outcome: 'succeeded', at: now });
    const [session] = await tx
      .insert(sessions)
      .values({
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000),
        ip: request.ip,
        userAgent: request.userAgent?.slice(0, 500) ?? null,
      })
      .returning({ id: sessions.id });
    const actor: Actor = { userId: user.id, label: user.email, role: user.role, via: 'session', ip: request.ip };
    await recordAudit(tx, actor, {
      action: 'login.succeeded',
      entityType: 'session',
      entityId: session!.id,
      after: { email: user.email },
    });
    return session!.id;
  });
  return { userId: user.id, email: user.email, name: user.name, role: user.role, sessionId };
}

async function isThrottled(email: string, ip: string, now: Date): Promise<boolean> {
  const db = await getDb();
  const since = new Date(now.getTime() - LOGIN_THROTTLE.windowMs - LOGIN_THROTTLE.lockMs);
  const [lastSuccess] = await db
    .select({ at: sql<Date>`max(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.outcome, 'succeeded')));
  const after = lastSuccess?.at && new Date(lastSuccess.at) > since ? new Date(lastSuccess.at) : since;
  const failures = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.outcome, 'failed'), gt(loginAttempts.at, after)));
  if (
    emailLockedUntil(
      failures.map((f) => f.at),
      now,
    )
  )
    return true;
  const [fromAddress] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.outcome, 'failed'),
        gte(loginAttempts.at, new Date(now.getTime() - LOGIN_THROTTLE.ipWindowMs)),
      ),
    );
  return addressLocked(fromAddress?.n ?? 0);
}
