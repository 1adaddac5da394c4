import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { snapshots } from '@/db/schema';
import { changeText } from '../audit/describe';
import { Dec } from '../domain/decimal';
import { parseDashboardFilters, type ResolvedFilters } from '../domain/dashboard/filters';
import { ConflictError, NotFoundError, RuleError } from '../errors';
import { dashboardQueries } from '../analytics/dashboard-queries';
import {
  COMPARED_METRICS,
  type FreezeSnapshotInput,
  type Snapshot,
  type SnapshotAnswers,
  type SnapshotComparison,
  type SnapshotSummary,
} from '../snapshots/schema';
import { dashboardYear, flowAnalytics, gapAnalytics, layerAnalytics, profitabilityAnalytics, seriesAnalytics } from './analytics';
import { dataChangesSince, recordAudit } from './audit';
import { dbOf, type Ctx } from './context';
import { assertRole } from './guard';

/** How many data changes since a snapshot its comparison names (it counts them all). */
const CHANGES_LISTED = 50;
/** Freezing computes five answers; a write landing between them makes it start again, this many times at most. */
const FREEZE_ATTEMPTS = 3;

/**
 * Snapshots for memos (docs/data-contract.md §7): the answers of every dashboard chart for a view's filters, frozen
 * under a name with the data version's time. Viewers open and compare them; analysts freeze them; only an admin
 * deletes one (audited). A snapshot is never changed.
 */
export async function freezeSnapshot(ctx: Ctx, input: FreezeSnapshotInput): Promise<SnapshotSummary> {
  const actor = ctx.actor;
  assertRole(actor, 'analyst');
  const parsed = parseDashboardFilters(new URLSearchParams(input.search));
  const filters: ResolvedFilters = { ...parsed, year: await dashboardYear(ctx, parsed) };
  const { answers, asOf } = await consistentAnswers(ctx, filters);
  const db = await dbOf(ctx);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(snapshots)
      .values({
        name: input.name,
        createdBy: actor.userId,
        createdByLabel: actor.label,
        search: input.search,
        filters,
        charts: input.charts,
        asOf: new Date(asOf),
        answers,
      })
      .returning({ id: snapshots.id });
    await recordAudit(tx, actor, {
      action: 'snapshot.create',
      entityType: 'snapshot',
      entityId: row!.id,
      after: { name: input.name, search: input.search, asOf },
    });
    return row!.id;
  });
  return summaryOf(await storedSnapshot(ctx, id));
}

/** Every snapshot, the newest first, without their answers. */
export async function listSnapshots(ctx: Ctx): Promise<SnapshotSummary[]> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const rows = await db
    .select({
      id: snapshots.id,
      name: snapshots.name,
      createdByLabel: snapshots.createdByLabel,
      createdAt: snapshots.createdAt,
      search: snapshots.search,
      filters: snapshots.filters,
      charts: snapshots.charts,
      asOf: snapshots.asOf,
    })
    .from(snapshots)
    .orderBy(desc(snapshots.createdAt), desc(snapshots.id));
  return rows.map(summaryOf);
}

/** One snapshot with the answers it froze. */
export async function getSnapshot(ctx: Ctx, id: string): Promise<Snapshot> {
  assertRole(ctx.actor, 'viewer');
  const row = await storedSnapshot(ctx, id);
  return { ...summaryOf(row), answers: row.answers as SnapshotAnswers };
}

export async function deleteSnapshot(ctx: Ctx, id: string): Promise<void> {
  const actor = ctx.actor;
  assertRole(actor, 'admin');
  const row = await storedSnapshot(ctx, id);
  const db = await dbOf(ctx);
  await db.transaction(async (tx) => {
    await tx.delete(snapshots).where(eq(snapshots.id, id));
    await recordAudit(tx, actor, {
      action: 'snapshot.delete',
      entityType: 'snapshot',
      entityId: id,
      before: { name: row.name, createdBy: row.createdByLabel, search: row.search, asOf: row.asOf.toISOString() },
    });
  });
}

/**
 * The snapshot next to today: each layer's revenue, capex and operating income pools then, now, and the change,
 * for the snapshot's filters; and what changed in the data since its as-of (figures, rates, companies and their
 * profiles, flows), from the audit log.
 */
export async function compareSnapshot(ctx: Ctx, id: string): Promise<SnapshotComparison> {
  assertRole(ctx.actor, 'viewer');
  const snapshot = await getSnapshot(ctx, id);
  const query = dashboardQueries(snapshot.filters).profitability;
  const now = await profitabilityAnalytics(ctx, query).catch((error: unknown) => {
    // A list the snapshot used may have been deleted since: the comparison says so rather than failing blind.
    if (error instanceof RuleError) throw new RuleError(`Today's numbers cannot be computed: ${error.message}`, error.issues);
    throw error;
  });
  const then = snapshot.answers.profitability;
  const nowByKey = new Map(now.layers.map((l) => [l.key, l]));
  const layers = then.layers.map((layer) => {
    const today = nowByKey.get(layer.key)!;
    const metrics = Object.fromEntries(
      COMPARED_METRICS.map((m) => [m, { then: layer[m], now: today[m], change: new Dec(today[m]).minus(layer[m]).toNumber() }]),
    ) as SnapshotComparison['layers'][number]['metrics'];
    return { key: layer.key, metrics };
  });
  const changes = await dataChangesSince(await dbOf(ctx), new Date(snapshot.asOf), CHANGES_LISTED);
  const { answers: _answers, ...summary } = snapshot;
  return {
    snapshot: summary,
    asOf: now.asOf,
    layers,
    changes: changes.items.map((e) => ({
      at: e.at,
      actor: e.actor,
      action: e.action,
      subject: e.subject,
      changes: e.changes.map(changeText),
    })),
    changesCount: changes.total,
  };
}

/** The five answers of one data version: computed again when a write moved the version while they were computed. */
async function consistentAnswers(ctx: Ctx, filters: ResolvedFilters): Promise<{ answers: SnapshotAnswers; asOf: string }> {
  const queries = dashboardQueries(filters);
  for (let attempt = 1; attempt <= FREEZE_ATTEMPTS; attempt++) {
    const answers: SnapshotAnswers = {
      layers: await layerAnalytics(ctx, queries.layers),
      series: await seriesAnalytics(ctx, queries.series),
      profitability: await profitabilityAnalytics(ctx, queries.profitability),
      gap: await gapAnalytics(ctx, queries.gap),
      flows: await flowAnalytics(ctx, queries.flows),
    };
    const times = new Set(Object.values(answers).map((a) => a.asOf));
    if (times.size === 1) return { answers, asOf: answers.layers.asOf };
  }
  throw new ConflictError('The data kept changing while the snapshot was taken. Try again in a moment.');
}

async function storedSnapshot(ctx: Ctx, id: string) {
  const db = await dbOf(ctx);
  const [row] = await db.select().from(snapshots).where(eq(snapshots.id, id));
  if (!row) throw new NotFoundError('No such snapshot.');
  return row;
}

function summaryOf(row: Omit<typeof snapshots.$inferSelect, 'answers' | 'createdBy'>): SnapshotSummary {
  return {
    id: row.id,
    name: row.name,
    createdBy: row.createdByLabel,
    createdAt: row.createdAt.toISOString(),
    search: row.search,
    filters: row.filters as ResolvedFilters,
    charts: row.charts ?? null,
    asOf: row.asOf.toISOString(),
  };
}
