import 'server-only';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { companies, companyLists, lists } from '@/db/schema';
import type { Database, Transaction } from '@/db/types';
import type { Actor } from '../domain/actor';
import { caseFold } from '../domain/case-fold';
import { NotFoundError, RuleError } from '../errors';
import type { CreateListInput, ListView, RenameListInput } from '../lists/schema';
import { recordAudit } from './audit';
import { dbOf, type Ctx } from './context';
import { assertRole } from './guard';
import { mapUniqueRaces, type RaceLosers } from './unique-races';

export async function listLists(ctx: Ctx): Promise<ListView[]> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const rows = await db
    .select({ id: lists.id, name: lists.name, companies: count(companies.id) })
    .from(lists)
    .leftJoin(companyLists, eq(companyLists.listId, lists.id))
    .leftJoin(companies, and(eq(companies.id, companyLists.companyId), eq(companies.archived, false)))
    .groupBy(lists.id)
    .orderBy(asc(lists.nameKey));
  return rows;
}

/**
 * The ids of the named lists, creating those that do not exist yet (names match case-insensitively; a new
 * list keeps the spelling it was first given). One statement inserts what is missing and skips a name another
 * request created meanwhile, so concurrent writes naming the same new list share it; keys go in sorted order so
 * two such inserts cannot deadlock.
 */
export async function resolveListIds(tx: Transaction, actor: Actor, names: readonly string[]): Promise<Map<string, string>> {
  const wanted = new Map(names.map((n) => [caseFold(n), n.trim()]));
  if (wanted.size === 0) return new Map();
  const keys = [...wanted.keys()].sort();
  const read = () => tx.select({ id: lists.id, nameKey: lists.nameKey }).from(lists).where(inArray(lists.nameKey, keys));
  let found = await read();
  const missing = keys.filter((key) => !found.some((l) => l.nameKey === key));
  if (missing.length > 0) {
    const created = await tx
      .insert(lists)
      .values(missing.map((nameKey) => ({ name: wanted.get(nameKey)!, nameKey })))
      .onConflictDoNothing({ target: lists.nameKey })
      .returning({ id: lists.id, name: lists.name });
    for (const l of created)
      await recordAudit(tx, actor, { action: 'list.create', entityType: 'list', entityId: l.id, after: { name: l.name } });
    found = await read();
  }
  return new Map(found.map((l) => [l.nameKey, l.id]));
}

/** The error naming the list that holds a name, or null when the name is free. */
async function nameTakenError(db: Pick<Database, 'select'>, name: string, exceptId?: string): Promise<RuleError | null> {
  const [clash] = await db
    .select({ id: lists.id, name: lists.name })
    .from(lists)
    .where(eq(lists.nameKey, caseFold(name)));
  if (!clash || clash.id === exceptId) return null;
  const message = `A list named ${clash.name} already exists.`;
  return new RuleError(message, [{ path: ['name'], message }]);
}

async function assertNameFree(tx: Transaction, name: string, exceptId?: string): Promise<void> {
  const error = await nameTakenError(tx, name, exceptId);
  if (error) throw error;
}

/** A create or rename that passed assertNameFree but lost to one that committed the same name meanwhile. */
function listRaceLosers(db: Pick<Database, 'select'>, name: string, exceptId?: string): RaceLosers {
  const message = `A list named ${name} already exists.`;
  return {
    lists_name_key_key: async () =>
      (await nameTakenError(db, name, exceptId)) ?? new RuleError(message, [{ path: ['name'], message }]),
  };
}

export async function createList(ctx: Ctx, { name }: CreateListInput): Promise<ListView> {
  const { actor } = ctx;
  assertRole(actor, 'analyst');
  const db = await dbOf(ctx);
  return mapUniqueRaces(
    () =>
      db.transaction(async (tx) => {
        await assertNameFree(tx, name);
        const [row] = await tx
          .insert(lists)
          .values({ name, nameKey: caseFold(name) })
          .returning();
        await recordAudit(tx, actor, { action: 'list.create', entityType: 'list', entityId: row!.id, after: { name } });
        return { id: row!.id, name: row!.name, companies: 0 };
      }),
    listRaceLosers(db, name),
  );
}

export async function renameList(ctx: Ctx, { listId, name }: RenameListInput): Promise<void> {
  const { actor } = ctx;
  assertRole(actor, 'analyst');
  const db = await dbOf(ctx);
  await mapUniqueRaces(
    () =>
      db.transaction(async (tx) => {
        const [before] = await tx.select().from(lists).where(eq(lists.id, listId)).for('update');
        if (!before) throw new NotFoundError('No such list.');
        await assertNameFree(tx, name, listId);
        await tx
          .update(lists)
          .set({ name, nameKey: caseFold(name) })
          .where(eq(lists.id, listId));
        await recordAudit(tx, actor, {
          action: 'list.rename',
          entityType: 'list',
          entityId: listId,
          before: { name: before.name },
          after: { name },
        });
      }),
    listRaceLosers(db, name, listId),
  );
}

/** Deletes a list; its companies stay, only their membership goes. The audit event keeps the members. */
export async function deleteList(ctx: Ctx, listId: string): Promise<void> {
  const { actor } = ctx;
  assertRole(actor, 'analyst');
  const db = await dbOf(ctx);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(lists).where(eq(lists.id, listId)).for('update');
    if (!before) throw new NotFoundError('No such list.');
    const members = await tx
      .select({ companyId: companyLists.companyId })
      .from(companyLists)
      .where(eq(companyLists.listId, listId));
    await tx.delete(lists).where(eq(lists.id, listId));
    await recordAudit(tx, actor, {
      action: 'list.delete',
      entityType: 'list',
      entityId: listId,
      before: { name: before.name, companyIds: members.map((m) => m.companyId) },
    });
  });
}
