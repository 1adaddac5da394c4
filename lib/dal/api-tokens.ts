import 'server-only';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { apiTokens, users } from '@/db/schema';
import { getDb } from '@/db/client';
import type { Actor } from '../domain/actor';
import { generateApiToken, hashApiToken, looksLikeApiToken, tokenDisplayPrefix } from '../auth/secrets';
import { NotFoundError, RuleError } from '../errors';
import type { ApiTokenView, CreateTokenInput } from '../tokens/schema';
import { recordAudit } from './audit';
import { dbOf, type Ctx } from './context';
import { assertRole } from './guard';

const MAX_ACTIVE_TOKENS = 50;
const TOUCH_EVERY_MS = 60_000;

/** Every role may hold personal tokens (docs/data-contract.md §2); each acts with its owner's current role. */
export async function createApiToken(ctx: Ctx, { name, ownerId = ctx.actor.userId }: CreateTokenInput) {
  const { actor } = ctx;
  assertRole(actor, 'viewer');
  if (!ownerId) throw new RuleError('Tokens belong to a user: run the CLI with --as EMAIL or pass --email.');
  if (ownerId !== actor.userId) assertRole(actor, 'admin');
  const token = generateApiToken();
  const db = await dbOf(ctx);
  const view = await db.transaction(async (tx) => {
    const active = await tx
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, ownerId), isNull(apiTokens.revokedAt)));
    if (active.length >= MAX_ACTIVE_TOKENS)
      throw new RuleError(`You already hold ${MAX_ACTIVE_TOKENS} active tokens; revoke one first.`);
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: ownerId, name, tokenHash: hashApiToken(token), prefix: tokenDisplayPrefix(token) })
      .returning();
    await recordAudit(tx, actor, {
      action: 'token.create',
      entityType: 'api_token',
      entityId: row!.id,
      after: { name, prefix: row!.prefix, owner: ownerId },
    });
    return toView(row!);
  });
  return { token, view };
}

function toView(row: typeof apiTokens.$inferSelect): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function listOwnApiTokens(ctx: Ctx): Promise<ApiTokenView[]> {
  const { actor } = ctx;
  assertRole(actor, 'viewer');
  if (!actor.userId) return [];
  const db = await dbOf(ctx);
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, actor.userId)).orderBy(desc(apiTokens.createdAt));
  return rows.map(toView);
}

/** A user revokes one of their own tokens; someone else's token is "not found", not "forbidden". */
export async function revokeApiToken(ctx: Ctx, tokenId: string): Promise<void> {
  const { actor } = ctx;
  assertRole(actor, 'viewer');
  const db = await dbOf(ctx);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.userId ?? '00000000-0000-0000-0000-000000000000')));
    if (!row) throw new NotFoundError('No such token.');
    if (row.revokedAt) return;
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, tokenId));
    await recordAudit(tx, actor, {
      action: 'token.revoke',
      entityType: 'api_token',
      entityId: tokenId,
      before: { name: row.name, prefix: row.prefix },
    });
  });
}

/** The actor behind a bearer token, or null when the token is unknown, revoked or its owner disabled. */
export async function actorForApiToken(token: string, ip?: string, now = new Date()): Promise<Actor | null> {
  if (!looksLikeApiToken(token)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashApiToken(token)));
  if (!row || row.token.revokedAt || row.user.disabled) return null;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, row.token.id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - TOUCH_EVERY_MS))),
      ),
    );
  return { userId: row.user.id, label: row.user.email, role: row.user.role, via: 'token', ip };
}
