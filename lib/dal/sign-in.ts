import 'server-only';
import { setTimeout as wait } from 'node:timers/promises';
import { and, eq, gt, gte, sql } from 'drizzle-orm';
import { loginAttempts, sessions, users } from '@/db/schema';
import { getDb } from '@/db/client';
import type { Database } from '@/db/types';
import type { Actor } from '../domain/actor';
import { LOGIN_THROTTLE, NO_CLIENT_ADDRESS, addressLocked, emailLockedUntil, failureDelayMs } from '../domain/throttle';
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

export interface SignInDeps {
  /** Default: this process's database. A test passes a second pool to the same database as a second server. */
  db?: Database;
  /** Waits out a failure's delay; a test passes one that records it. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Checks a password sign-in and opens a session. Returns null on a wrong email or password (or a disabled
 * user), after a delay that grows with the email's recent failures; throws ThrottledError while the email or
 * the client's address is locked. Every attempt is recorded and audited.
 */
export async function signIn(
  request: SignInRequest,
  now = new Date(),
  { db: given, sleep = (ms) => wait(ms) }: SignInDeps = {},
): Promise<SignedIn | null> {
  const email = request.email.trim().toLowerCase().slice(0, 254);
  const db = given ?? (await getDb());
  const attemptActor: Actor = { userId: null, label: email || '(blank)', role: 'viewer', via: 'session', ip: request.ip };

  const admission = await admitAttempt(db, attemptActor, email, request.ip, now);
  if (!admission) throw new ThrottledError(SIGN_IN_THROTTLED);

  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, request.password)
    : (await burnVerifyTime(request.password), false);

  if (!user || !passwordOk || user.disabled) {
    const reason = !user ? 'unknown email' : !passwordOk ? 'wrong password' : 'user disabled';
    await recordAudit(
      db,
      { ...attemptActor, userId: user?.id ?? null },
      { action: 'login.failed', entityType: 'session', entityId: null, after: { email, reason } },
    );
    const delay = failureDelayMs(admission.recentFailures);
    if (delay > 0) await sleep(delay);
    return null;
  }

  const sessionId = await db.transaction(async (tx) => {
    await tx.update(loginAttempts).set({ outcome: 'succeeded' }).where(eq(loginAttempts.id, admission.attemptId));
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

interface Admission {
  /** The attempt's row, recorded as failed until its password proves right. */
  attemptId: number;
  /** The email's failures within the window, this attempt included. */
  recentFailures: number;
}

/**
 * Decides whether an attempt may check a password and records it, as one step per email and per address: a
 * transaction-scoped advisory lock on each key makes concurrent attempts (on any app server) take turns, so
 * each sees the ones before it and at most the budget's worth of password checks run. An admitted attempt
 * counts as a failure at once. Returns null, having recorded and audited a throttled attempt, while a lock holds.
 */
async function admitAttempt(db: Database, actor: Actor, email: string, ip: string, now: Date): Promise<Admission | null> {
  return db.transaction(async (tx) => {
    // Always the email's key before the address's, so two attempts never wait on each other in a cycle.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`stacklens.login.email:${email}`}))`);
    const addressKnown = ip !== NO_CLIENT_ADDRESS;
    if (addressKnown) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`stacklens.login.ip:${ip}`}))`);

    const failures = await failuresSinceLastSuccess(tx, email, now);
    const locked =
      emailLockedUntil(failures, now) !== null || (addressKnown && addressLocked(await addressFailures(tx, ip, now)));
    const [row] = await tx
      .insert(loginAttempts)
      .values({ email, ip, outcome: locked ? 'throttled' : 'failed', at: now })
      .returning({ id: loginAttempts.id });
    if (locked) {
      await recordAudit(tx, actor, { action: 'login.throttled', entityType: 'session', after: { email } });
      return null;
    }
    const windowStart = now.getTime() - LOGIN_THROTTLE.windowMs;
    return { attemptId: row!.id, recentFailures: failures.filter((at) => at.getTime() > windowStart).length + 1 };
  });
}

/** The email's failed attempts over the last window and lock, after its last successful sign-in. */
async function failuresSinceLastSuccess(db: Database, email: string, now: Date): Promise<Date[]> {
  const since = new Date(now.getTime() - LOGIN_THROTTLE.windowMs - LOGIN_THROTTLE.lockMs);
  const [lastSuccess] = await db
    .select({ at: sql<Date>`max(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.outcome, 'succeeded')));
  const after = lastSuccess?.at && new Date(lastSuccess.at) > since ? new Date(lastSuccess.at) : since;
  const rows = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.outcome, 'failed'), gt(loginAttempts.at, after)));
  return rows.map((r) => r.at);
}

async function addressFailures(db: Database, ip: string, now: Date): Promise<number> {
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
  return fromAddress?.n ?? 0;
}
