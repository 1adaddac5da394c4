import 'server-only';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { sessions, users } from '@/db/schema';
import type { Transaction } from '@/db/types';
import { assertPasswordAllowed, hashPassword, verifyPassword } from '../auth/password';
import { generatePassword } from '../auth/secrets';
import { NotFoundError, RuleError } from '../errors';
import type { ChangeOwnPasswordInput, ChangeRoleInput, NewUserInput, SetDisabledInput, UserView } from '../users/schema';
import { recordAudit } from './audit';
import { dbOf, type Ctx } from './context';
import { assertRole } from './guard';
import { mapUniqueRaces } from './unique-races';

type UserRow = typeof users.$inferSelect;

function toView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the audit log keeps of a user: never the password hash. */
function auditShape(row: UserRow) {
  return { email: row.email, name: row.name, role: row.role, disabled: row.disabled };
}

export async function listUsers(ctx: Ctx): Promise<UserView[]> {
  assertRole(ctx.actor, 'admin');
  const db = await dbOf(ctx);
  const rows = await db.select().from(users).orderBy(asc(users.email));
  return rows.map(toView);
}

export async function findUserByEmail(ctx: Ctx, email: string): Promise<UserView | null> {
  assertRole(ctx.actor, 'admin');
  const db = await dbOf(ctx);
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return row ? toView(row) : null;
}

export async function countEnabledAdmins(ctx: Ctx): Promise<number> {
  assertRole(ctx.actor, 'admin');
  const db = await dbOf(ctx);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)));
  return row?.n ?? 0;
}

/**
 * Creates a user. Without a password, one is generated and returned so the admin can pass it on; it is
 * shown once and never stored in clear.
 */
export async function createUser(
  ctx: Ctx,
  { password: given, ...data }: NewUserInput,
): Promise<{ user: UserView; initialPassword: string | null }> {
  const { actor } = ctx;
  assertRole(actor, 'admin');
  const password = given ?? generatePassword();
  if (given !== undefined) assertPasswordAllowed(password, data.email);
  const passwordHash = await hashPassword(password);
  const db = await dbOf(ctx);
  const message = `A user with the email ${data.email} already exists.`;
  const emailTaken = () => new RuleError(message, [{ path: ['email'], message }]);
  // The check names the email; a request that committed the same email after it loses on the unique index.
  const row = await mapUniqueRaces(
    () =>
      db.transaction(async (tx) => {
        const [existing] = await tx
          .select({ id: users.id })
          .from(users)
          .where(eq(sql`lower(${users.email})`, data.email));
        if (existing) throw emailTaken();
        const [created] = await tx
          .insert(users)
          .values({ ...data, passwordHash })
          .returning();
        await recordAudit(tx, actor, {
          action: 'user.create',
          entityType: 'user',
          entityId: created!.id,
          after: auditShape(created!),
        });
        return created!;
      }),
    { users_email_lower_key: async () => emailTaken() },
  );
  return { user: toView(row), initialPassword: given === undefined ? password : null };
}

/** Serialises changes that could remove the last enabled admin, across app servers. */
async function lockAdminChanges(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7140318252)`);
}

async function loadForUpdate(tx: Transaction, id: string): Promise<UserRow> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!row) throw new NotFoundError('No such user.');
  return row;
}

async function assertNotLastAdmin(tx: Transaction, row: UserRow, change: string): Promise<void> {
  if (row.role !== 'admin' || row.disabled) return;
  const [other] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, row.id)));
  if ((other?.n ?? 0) === 0)
    throw new RuleError(`${row.email} is the last enabled admin and cannot be ${change}. Make another admin first.`);
}

export async function revokeUserSessions(tx: Transaction, userId: string, reason: string, exceptSessionId?: string) {
  await tx
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
      ),
    );
}

export async function changeUserRole(ctx: Ctx, { userId, role }: ChangeRoleInput): Promise<UserView> {
  const { actor } = ctx;
  assertRole(actor, 'admin');
  const db = await dbOf(ctx);
  return db.transaction(async (tx) => {
    await lockAdminChanges(tx);
    const before = await loadForUpdate(tx, userId);
    if (before.role === role) return toView(before);
    if (role !== 'admin') await assertNotLastAdmin(tx, before, 'demoted');
    const [after] = await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId)).returning();
    // A session carries the rights it was opened with: end them so the new role applies at once.
    await revokeUserSessions(tx, userId, 'role changed');
    await recordAudit(tx, actor, {
      action: 'user.role',
      entityType: 'user',
      entityId: userId,
      before: auditShape(before),
      after: auditShape(after!),
    });
    return toView(after!);
  });
}

export async function setUserDisabled(ctx: Ctx, { userId, disabled }: SetDisabledInput): Promise<UserView> {
  const { actor } = ctx;
  assertRole(actor, 'admin');
  const db = await dbOf(ctx);
  return db.transaction(async (tx) => {
    await lockAdminChanges(tx);
    const before = await loadForUpdate(tx, userId);
    if (before.disabled === disabled) return toView(before);
    if (disabled) await assertNotLastAdmin(tx, before, 'disabled');
    const [after] = await tx.update(users).set({ disabled, updatedAt: new Date() }).where(eq(users.id, userId)).returning();
    if (disabled) await revokeUserSessions(tx, userId, 'user disabled');
    await recordAudit(tx, actor, {
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: userId,
      before: auditShape(before),
      after: auditShape(after!),
    });
    return toView(after!);
  });
}

/** An admin resets a password: a new one is generated, shown once, and the user's sessions end. */
export async function resetUserPassword(ctx: Ctx, userId: string): Promise<{ user: UserView; password: string }> {
  const { actor } = ctx;
  assertRole(actor, 'admin');
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const db = await dbOf(ctx);
  const user = await db.transaction(async (tx) => {
    const before = await loadForUpdate(tx, userId);
    const [after] = await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId)).returning();
    await revokeUserSessions(tx, userId, 'password reset');
    await recordAudit(tx, actor, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: userId,
      before: auditShape(before),
      after: auditShape(after!),
    });
    return toView(after!);
  });
  return { user, password };
}

/**
 * Any signed-in user changes their own password; their other sessions end. The input is parsed, so the two new
 * passwords already match.
 */
export async function changeOwnPassword(ctx: Ctx, data: ChangeOwnPasswordInput): Promise<void> {
  const { actor } = ctx;
  assertRole(actor, 'viewer');
  if (!actor.userId) throw new RuleError('The system actor has no password.');
  const db = await dbOf(ctx);
  const [row] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!row) throw new NotFoundError('No such user.');
  if (!(await verifyPassword(row.passwordHash, data.currentPassword)))
    throw new RuleError('Your current password is not correct.', [{ path: ['currentPassword'], message: 'Not correct.' }]);
  assertPasswordAllowed(data.newPassword, row.email, 'newPassword');
  if (data.newPassword === data.currentPassword)
    throw new RuleError('Choose a password different from the current one.', [
      { path: ['newPassword'], message: 'Same as the current one.' },
    ]);
  const passwordHash = await hashPassword(data.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, row.id));
    await revokeUserSessions(tx, row.id, 'password changed', actor.sessionId);
    await recordAudit(tx, actor, {
      action: 'user.password_change',
      entityType: 'user',
      entityId: row.id,
      before: auditShape(row),
      after: auditShape(row),
    });
  });
}
