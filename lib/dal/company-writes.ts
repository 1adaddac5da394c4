import 'server-only';
import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { companies, companyLists, exposureProfiles, exposures, flows, profileExposures } from '@/db/schema';
import type { Database, Transaction } from '@/db/types';
import type { BulkAction, BulkCompaniesInput, CompanyInput, CompanyPatch, CompanyView, ProfileInput } from '../companies/schema';
import type { Actor } from '../domain/actor';
import { caseFold } from '../domain/case-fold';
import { ConflictError, NotFoundError, RuleError } from '../errors';
import { recordAudit, recordAudits } from './audit';
import { companySnapshot, loadCompanyViews, viewAsInput } from './company-views';
import { dbOf, type Ctx } from './context';
import { assertNoOrphanedFlows, layersOf } from './flow-layers';
import { flowSnapshot, flowViews } from './flows';
import { assertRole } from './guard';
import { mapUniqueRaces, type RaceLosers } from './unique-races';
import { resolveListIds } from './lists';
import { chunks } from './sql-helpers';

type Reader = Pick<Database, 'select'>;

/** The error naming the other company when a name or ticker is taken (both unique case-insensitively), else null. */
async function takenError(
  db: Reader,
  input: { name?: string; ticker?: string | null },
  exceptId?: string,
): Promise<RuleError | null> {
  const notSelf = exceptId ? ne(companies.id, exceptId) : undefined;
  if (input.name) {
    const [byName] = await db
      .select({ name: companies.name })
      .from(companies)
      .where(and(eq(companies.nameKey, caseFold(input.name)), notSelf));
    if (byName) return nameTaken(byName.name);
  }
  if (input.ticker) {
    const [byTicker] = await db
      .select({ name: companies.name })
      .from(companies)
      .where(and(eq(companies.tickerKey, caseFold(input.ticker)), notSelf));
    if (byTicker) {
      const message = `The ticker ${input.ticker} belongs to ${byTicker.name}.`;
      return new RuleError(message, [{ path: ['ticker'], message }]);
    }
  }
  return null;
}

function nameTaken(name: string): RuleError {
  const message = `A company named ${name} already exists.`;
  return new RuleError(message, [{ path: ['name'], message }]);
}

export async function assertUnique(
  tx: Transaction,
  input: Pick<CompanyInput, 'name' | 'ticker'>,
  exceptId?: string,
): Promise<void> {
  const error = await takenError(tx, input, exceptId);
  if (error) throw error;
}

/**
 * A request that passed assertUnique can still lose to one that committed the same name or ticker meanwhile: the
 * unique index refuses it, and it gets the message the check gives, read once the winner is visible.
 */
function companyRaceLosers(db: Reader, input: { name?: string; ticker?: string | null }, exceptId?: string): RaceLosers {
  const taken = async () => (await takenError(db, input, exceptId)) ?? nameTaken(input.name ?? 'this');
  return { companies_name_key_key: taken, companies_ticker_key_key: taken };
}

export function companyColumns(input: CompanyInput) {
  return {
    name: input.name,
    nameKey: caseFold(input.name),
    ticker: input.ticker,
    tickerKey: input.ticker ? caseFold(input.ticker) : null,
    country: input.country,
    status: input.status,
    fiscalYearEndMonth: input.fiscalYearEndMonth,
    currency: input.currency,
    website: input.website,
    description: input.description,
  };
}

/**
 * Replaces the profiles other than the base of some companies with exactly the given ones (validated: no base, no
 * key twice, shares under the rules). A profile without exposures is a row of its own: everything outside.
 */
export async function replaceProfiles(tx: Transaction, profilesOf: ReadonlyMap<string, readonly ProfileInput[]>): Promise<void> {
  const companyIds = [...profilesOf.keys()];
  for (const part of chunks(companyIds)) await tx.delete(exposureProfiles).where(inArray(exposureProfiles.companyId, part));
  const rows = [...profilesOf].flatMap(([companyId, profiles]) => profiles.map((p) => ({ companyId, profile: p })));
  const keyOf = (companyId: string, scope: string, fromYear: number | null) => `${companyId}:${scope}:${fromYear ?? '-'}`;
  for (const part of chunks(rows, 5000)) {
    const inserted = await tx
      .insert(exposureProfiles)
      .values(part.map((r) => ({ companyId: r.companyId, scope: r.profile.scope, fromYear: r.profile.fromYear })))
      .returning({
        id: exposureProfiles.id,
        companyId: exposureProfiles.companyId,
        scope: exposureProfiles.scope,
        fromYear: exposureProfiles.fromYear,
      });
    const idOf = new Map(inserted.map((i) => [keyOf(i.companyId, i.scope, i.fromYear), i.id]));
    const shares = part.flatMap((r) =>
      r.profile.exposures.map((e) => ({
        profileId: idOf.get(keyOf(r.companyId, r.profile.scope, r.profile.fromYear))!,
        layerKey: e.layer,
        share: e.share,
        subLayer: e.subLayer,
      })),
    );
    for (const sharePart of chunks(shares, 5000)) await tx.insert(profileExposures).values(sharePart);
  }
}

/** Replaces a company's exposures, profiles and list memberships with those of the input. */
export async function replaceExposuresAndLists(
  tx: Transaction,
  actor: Actor,
  companyId: string,
  input: CompanyInput,
): Promise<void> {
  await assertNoOrphanedFlows(tx, { id: companyId, name: input.name }, layersOf(input.exposures, input.profiles));
  await tx.delete(exposures).where(eq(exposures.companyId, companyId));
  // Validation guarantees every share is in (0, 1]: a layer without exposure has no row.
  if (input.exposures.length > 0)
    await tx
      .insert(exposures)
      .values(input.exposures.map((e) => ({ companyId, layerKey: e.layer, share: e.share, subLayer: e.subLayer })));
  await replaceProfiles(tx, new Map([[companyId, input.profiles]]));
  await tx.delete(companyLists).where(eq(companyLists.companyId, companyId));
  const listIds = await resolveListIds(tx, actor, input.lists);
  if (listIds.size > 0) await tx.insert(companyLists).values([...listIds.values()].map((listId) => ({ companyId, listId })));
}

async function viewIn(tx: Transaction, id: string): Promise<CompanyView> {
  const [view] = await loadCompanyViews(tx, [id]);
  if (!view) throw new NotFoundError('No such company.');
  return view;
}

export async function createCompany(ctx: Ctx, input: CompanyInput): Promise<CompanyView> {
  const { actor } = ctx;
  assertRole(actor, 'analyst');
  const db = await dbOf(ctx);
  return mapUniqueRaces(
    () =>
      db.transaction(async (tx) => {
        await assertUnique(tx, input);
        const [row] = await tx.insert(companies).values(companyColumns(input)).returning({ id: companies.id });
        await replaceExposuresAndLists(tx, actor, row!.id, input);
        const view = await viewIn(tx, row!.id);
        await recordAudit(tx, actor, {
          action: 'company.create',
          entityType: 'company',
          entityId: view.id,
          after: companySnapshot(view),
        });
        return view;
      }),
    companyRaceLosers(db, input),
  );
}

/**
 * Applies a patch: the fields it names replace the stored ones. A version other than the stored one is a
 * conflict that carries the stored company, so nobody overwrites a change unseen.
 */
export async function updateCompany(ctx: Ctx, { id, patch }: { id: string; patch: CompanyPatch }): Promise<CompanyView> {
  const { actor } = ctx;
  assertRole(actor, 'analyst');
  const db = await dbOf(ctx);
  return mapUniqueRaces(
    () =>
      db.transaction(async (tx) => {
        const [locked] = await tx.select({ id: companies.id }).from(companies).where(eq(companies.id, id)).for('update');
        if (!locked) throw new NotFoundError('No such company.');
        const before = await viewIn(tx, id);
        if (patch.version === undefined)
          throw new ConflictError(`Send the version of ${before.name} you read; it is at version ${before.version}.`, before);
        if (patch.version !== before.version)
          throw new ConflictError(
            `${before.name} was changed by someone else since you opened it (version ${before.version}).`,
            before,
          );
        const { version: _version, archived: _archived, ...fields } = patch;
        const named = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<CompanyInput>;
        const input: CompanyInput = { ...viewAsInput(before), ...named };
        await assertUnique(tx, input, id);
        await tx
          .update(companies)
          .set({
            ...companyColumns(input),
            archived: patch.archived ?? before.archived,
            version: sql`${companies.version} + 1`,
            updatedAt: new Date(),
          })
          .where(eq(companies.id, id));
        await replaceExposuresAndLists(tx, actor, id, input);
        const after = await viewIn(tx, id);
        const action =
          patch.archived === false && before.archived
            ? 'company.restore'
            : patch.archived && !before.archived
              ? 'company.archive'
              : 'company.update';
        await recordAudit(tx, actor, {
          action,
          entityType: 'company',
          entityId: id,
          before: companySnapshot(before),
          after: companySnapshot(after),
        });
        return after;
      }),
    companyRaceLosers(db, { name: patch.name, ticker: patch.ticker }, id),
  );
}

/** The company as it would be after a bulk action, or null when the action changes nothing for it. */
function applyBulk(view: CompanyView, action: BulkAction): { input: CompanyInput; archived: boolean } | null {
  const input = viewAsInput(view);
  const listKeys = new Set(view.lists.map(caseFold));
  switch (action.kind) {
    case 'add-to-list':
      return listKeys.has(caseFold(action.list))
        ? null
        : { input: { ...input, lists: [...input.lists, action.list] }, archived: view.archived };
    case 'remove-from-list':
      return listKeys.has(caseFold(action.list))
        ? {
            input: { ...input, lists: input.lists.filter((l) => caseFold(l) !== caseFold(action.list)) },
            archived: view.archived,
          }
        : null;
    case 'set-layer': {
      const only = view.exposures.length === 1 && view.exposures[0]!.layer === action.layer && view.exposures[0]!.share === '1';
      const subLayer = view.exposures.find((e) => e.layer === action.layer)?.subLayer ?? null;
      return only
        ? null
        : { input: { ...input, exposures: [{ layer: action.layer, share: '1', subLayer }] }, archived: view.archived };
    }
    case 'archive':
      return view.archived ? null : { input, archived: true };
    case 'restore':
      return view.archived ? { input, archived: false } : null;
  }
}

const BULK_AUDIT_ACTION: Record<BulkAction['kind'], string> = {
  'add-to-list': 'company.list_add',
  'remove-from-list': 'company.list_remove',
  'set-layer': 'company.set_layer',
  archive: 'company.archive',
  restore: 'company.restore',
};

/** One action on many companies, all or nothing, with one audit event per company that changed. */
export async function bulkUpdateCompanies(ctx: Ctx, { ids, action }: BulkCompaniesInput): Promise<{ changed: number }> {
  const { actor } = ctx;
  assertRole(actor, 'analyst');
  if (ids.length === 0) return { changed: 0 };
  if (ids.length > 10_000) throw new RuleError('Select at most 10,000 companies at a time.');
  const db = await dbOf(ctx);
  return db.transaction(async (tx) => {
    await tx
      .select({ id: companies.id })
      .from(companies)
      .where(inArray(companies.id, [...ids]))
      .for('update');
    const views = await loadCompanyViews(tx, ids);
    let changed = 0;
    for (const before of views) {
      const next = applyBulk(before, action);
      if (!next) continue;
      await tx
        .update(companies)
        .set({ archived: next.archived, version: sql`${companies.version} + 1`, updatedAt: new Date() })
        .where(eq(companies.id, before.id));
      await replaceExposuresAndLists(tx, actor, before.id, next.input);
      const after = await viewIn(tx, before.id);
      await recordAudit(tx, actor, {
        action: BULK_AUDIT_ACTION[action.kind],
        entityType: 'company',
        entityId: before.id,
        before: companySnapshot(before),
        after: companySnapshot(after),
      });
      changed++;
    }
    return { changed };
  });
}

/** An admin deletes a company for good (its exposures and memberships go too; the audit events stay). */
export async function deleteCompanyPermanently(ctx: Ctx, id: string): Promise<void> {
  const { actor } = ctx;
  assertRole(actor, 'admin');
  const db = await dbOf(ctx);
  await db.transaction(async (tx) => {
    const before = await viewIn(tx, id);
    // Its flows go with it (the foreign keys cascade); each is audited as deleted, so the history names them.
    const gone = await flowViews(tx, or(eq(flows.payerId, id), eq(flows.payeeId, id)));
    await recordAudits(
      tx,
      actor,
      gone.map((f) => ({ action: 'flow.delete', entityType: 'flow', entityId: f.id, before: flowSnapshot(f) })),
    );
    await tx.delete(companies).where(eq(companies.id, id));
    await recordAudit(tx, actor, {
      action: 'company.delete',
      entityType: 'company',
      entityId: id,
      before: companySnapshot(before),
    });
  });
}
