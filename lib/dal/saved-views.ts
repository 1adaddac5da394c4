import 'server-only';
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { savedViews, users } from '@/db/schema';
import type { Database } from '@/db/types';
import type { Actor } from '../domain/actor';
import { caseFold } from '../domain/case-fold';
import { parseDashboardFilters } from '../domain/dashboard/filters';
import { hasRole } from '../domain/roles';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../errors';
import type { CreateViewInput, PatchViewInput, SavedView } from '../views/schema';
import { listIdByName } from './analytics/company-set';
import { recordAudit } from './audit';
import { dbOf, type Ctx } from './context';
import { assertRole } from './guard';
import { mapUniqueRaces } from './unique-races';

/**
 * Saved dashboard views (docs/data-contract.md §7). Every role may save views of its own and open its own and the
 * shared ones; only a view's owner, or an admin, renames, re-shares or deletes it. A view needs a user: the system
 * actor (the CLI without --as) has none.
 */
export async function listViews(ctx: Ctx): Promise<SavedView[]> {
  const actor = ctx.actor;
  assertRole(actor, 'viewer');
  const db = await dbOf(ctx);
  const rows = await viewRows(db).where(
    actor.userId ? or(eq(savedViews.ownerId, actor.userId), eq(savedViews.shared, true)) : eq(savedViews.shared, true),
  );
  return rows.map((r) => toView(r, actor));
}

export async function createView(ctx: Ctx, input: CreateViewInput): Promise<SavedView> {
  const actor = ctx.actor;
  assertRole(actor, 'viewer');
  const ownerId = ownerOf(actor);
  const db = await dbOf(ctx);
  await assertListsExist(db, input.search);
  const id = await mapUniqueRaces(
    () =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .insert(savedViews)
          .values({
            ownerId,
            name: input.name,
            nameKey: caseFold(input.name),
            shared: input.shared,
            search: input.search,
            charts: input.charts,
          })
          .returning({ id: savedViews.id });
        await recordAudit(tx, actor, {
          action: 'view.create',
          entityType: 'saved_view',
          entityId: row!.id,
          after: auditOf(input),
        });
        return row!.id;
      }),
    { saved_views_owner_name_key: async () => sameName(input.name) },
  );
  return viewById(db, id, actor);
}

/** A rename, re-share or new filters, at the version read: a stale version is a 409 with the stored view. */
export async function updateView(ctx: Ctx, { id, patch }: { id: string; patch: PatchViewInput }): Promise<SavedView> {
  const actor = ctx.actor;
  assertRole(actor, 'viewer');
  const db = await dbOf(ctx);
  const current = await viewById(db, id, actor);
  assertMayEdit(current);
  if (patch.search !== undefined) await assertListsExist(db, patch.search);
  if (current.version !== patch.version)
    throw new ConflictError(`The view “${current.name}” was changed since you read it.`, current);
  const { version, ...fields } = patch;
  await mapUniqueRaces(
    () =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .update(savedViews)
          .set({
            ...fields,
            ...(fields.name !== undefined ? { nameKey: caseFold(fields.name) } : {}),
            version: sql`${savedViews.version} + 1`,
            updatedAt: new Date(),
          })
          .where(and(eq(savedViews.id, id), eq(savedViews.version, version)))
          .returning({ id: savedViews.id });
        if (!row)
          throw new ConflictError(`The view “${current.name}” was changed since you read it.`, await viewById(tx, id, actor));
        await recordAudit(tx, actor, {
          action: 'view.update',
          entityType: 'saved_view',
          entityId: id,
          before: auditOf(current),
          after: auditOf({ ...current, ...fields }),
        });
      }),
    { saved_views_owner_name_key: async () => sameName(fields.name ?? current.name) },
  );
  return viewById(db, id, actor);
}

export async function deleteView(ctx: Ctx, id: string): Promise<void> {
  const actor = ctx.actor;
  assertRole(actor, 'viewer');
  const db = await dbOf(ctx);
  const current = await viewById(db, id, actor);
  assertMayEdit(current);
  await db.transaction(async (tx) => {
    await tx.delete(savedViews).where(eq(savedViews.id, id));
    await recordAudit(tx, actor, {
      action: 'view.delete',
      entityType: 'saved_view',
      entityId: id,
      before: { ...auditOf(current), owner: current.owner.name },
    });
  });
}

function viewRows(db: Pick<Database, 'select'>) {
  return db
    .select({ view: savedViews, ownerName: users.name })
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .orderBy(desc(savedViews.updatedAt), asc(savedViews.nameKey))
    .$dynamic();
}

/** One view the actor may see (its own or a shared one); anything else is "no such view", not a hint it exists. */
async function viewById(db: Pick<Database, 'select'>, id: string, actor: Actor): Promise<SavedView> {
  const [row] = await viewRows(db).where(eq(savedViews.id, id));
  if (!row || !(row.view.shared || row.view.ownerId === actor.userId)) throw new NotFoundError('No such view.');
  return toView(row, actor);
}

function toView({ view, ownerName }: { view: typeof savedViews.$inferSelect; ownerName: string }, actor: Actor): SavedView {
  return {
    id: view.id,
    name: view.name,
    shared: view.shared,
    search: view.search,
    charts: view.charts ?? null,
    version: view.version,
    owner: { id: view.ownerId, name: ownerName },
    editable: view.ownerId === actor.userId || hasRole(actor.role, 'admin'),
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
}

function ownerOf(actor: Actor): string {
  if (!actor.userId) throw new RuleError('A view belongs to a user: run the CLI with --as EMAIL.');
  return actor.userId;
}

/** `editable` was decided for the actor who read the view: its owner, or an admin. */
function assertMayEdit(view: SavedView) {
  if (!view.editable) throw new ForbiddenError(`Only ${view.owner.name} or an admin can change the view “${view.name}”.`);
}

/** A view of a list that does not exist would open on an error: refused when saved, naming the list. */
async function assertListsExist(db: Database, search: string) {
  const { list, chipsList } = parseDashboardFilters(new URLSearchParams(search));
  for (const name of [list, chipsList]) if (name !== undefined) await listIdByName(db, name, 'search');
}

function sameName(name: string) {
  const message = `You already have a view named “${name}”.`;
  return new RuleError(message, [{ path: ['name'], message }]);
}

const auditOf = (v: { name: string; shared: boolean; search: string; charts: string[] | null }) => ({
  name: v.name,
  shared: v.shared,
  search: v.search,
  charts: v.charts,
});
