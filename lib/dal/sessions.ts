import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { sessions, users } from '@/db/schema';
import { getDb } from '@/db/client';
import type { Actor } from '../domain/actor';
import { env } from '../env/index.js';
import { dbOf, type Ctx } from './context';
import { assertRole } from './guard';

/** lastSeenAt is written at most this often, so a busy page does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The actor behind a browser session id, or null when the session has ended: signed out, revoked (role,
 * password or disabled-state change), idle too long, past its 12-hour lifetime, or its user disabled.
 */
export async function actorForSession(sessionId: string, ip?: string, now = new Date()): Promise<Actor | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId));
  if (!row) return null;
  const { session, user } = row;
  const idleMs = env().STACKLENS_SESSION_IDLE_MINUTES * 60_000;
  if (session.revokedAt || user.disabled || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > idleMs) {
    await db
      .update(sessions)
      .set({ revokedAt: now, revokedReason: 'idle timeout' })
      .where(and(eq(sessions.id, session.id), isNull(sessions.revokedAt)));
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, session.id));
  return { userId: user.id, label: user.email, role: user.role, via: 'session', sessionId: session.id, ip };
}

/** Signing out ends the session on the server too, so a copied cookie stops working. */
export async function endSession(sessionId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  const db = await getDb();
  await db
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: 'signed out' })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export async function currentUserProfile(ctx: Ctx) {
  const { actor } = ctx;
  assertRole(actor, 'viewer');
  if (!actor.userId) return null;
  const db = await dbOf(ctx);
  const [user] = await db
    .select({ email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, actor.userId));
  return user ?? null;
}
