import 'server-only';
import { and, desc, eq, exists, ilike, or, sql, type SQL } from 'drizzle-orm';
import { companies, companyLists, figures, fxRates, lists } from '@/db/schema';
import type { Database } from '@/db/types';
import { caseFold } from '../domain/case-fold';
import type { FigureCoverageQuery } from '../domain/figure-coverage-query';
import { chooseFiscalValue, type FigureValue, type Metric } from '../domain/figures';
import type { CoverageRow, CoverageValue, FigureCoverage } from '../figures/coverage-schema';
import { dbOf, type Ctx } from './context';
import { assertRole } from './guard';
import { escapeLike } from './sql-helpers';

interface StoredFigure extends FigureValue {
  source: string | null;
  note: string | null;
  updatedAt: Date;
  updatedBy: string;
}

const byName = new Intl.Collator('en');

/**
 * The figures page (docs/data-contract.md §3): for one fiscal year and metric, every non-archived company of the set (all, or a
 * list's) with its chosen value, estimates included, or the reason it has none. Three queries whatever the
 * size of the set: the companies, their figures of that year and metric, and the year's FX rates.
 */
export async function figureCoverage(ctx: Ctx, query: FigureCoverageQuery): Promise<FigureCoverage> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const list = query.list === undefined ? null : await findList(db, query.list);
  if (query.list !== undefined && !list)
    return {
      query,
      list: null,
      unknownList: query.list,
      rows: [],
      counts: { companies: 0, withValue: 0, missing: 0, estimated: 0, noFxRate: 0 },
    };

  const inSet = companySetCondition(list?.id, query.q);
  const [members, stored, rates] = await Promise.all([
    db
      .select({ id: companies.id, name: companies.name, nameKey: companies.nameKey, ticker: companies.ticker })
      .from(companies)
      .where(inSet),
    db
      .select({
        companyId: figures.companyId,
        fiscalYear: figures.fiscalYear,
        fiscalQuarter: figures.fiscalQuarter,
        metric: figures.metric,
        kind: figures.kind,
        value: figures.value,
        currency: figures.currency,
        source: figures.source,
        note: figures.note,
        updatedAt: figures.updatedAt,
        updatedBy: figures.updatedBy,
      })
      .from(figures)
      .innerJoin(companies, eq(companies.id, figures.companyId))
      .where(and(eq(figures.fiscalYear, query.year), eq(figures.metric, query.metric), inSet)),
    db.select({ currency: fxRates.currency }).from(fxRates).where(eq(fxRates.year, query.year)),
  ]);

  const figuresOf = new Map<string, StoredFigure[]>();
  for (const { companyId, fiscalQuarter, ...figure } of stored) {
    const own = figuresOf.get(companyId) ?? [];
    own.push({ ...figure, fiscalQuarter: fiscalQuarter as StoredFigure['fiscalQuarter'] });
    figuresOf.set(companyId, own);
  }
  const rated = new Set(rates.map((r) => r.currency));
  const all = members
    .sort((a, b) => byName.compare(a.nameKey, b.nameKey) || a.id.localeCompare(b.id))
    .map(({ id, name, ticker }): CoverageRow => {
      const value = coverageValue(figuresOf.get(id) ?? [], query.year, query.metric, rated);
      return { id, name, ticker, ...value };
    });
  const withValue = all.filter((r) => r.ok);
  return {
    query,
    list: list?.name ?? null,
    unknownList: null,
    rows: query.show === 'all' ? all : all.filter((r) => r.ok === (query.show === 'present')),
    counts: {
      companies: all.length,
      withValue: withValue.length,
      missing: all.length - withValue.length,
      estimated: withValue.filter((r) => r.estimated).length,
      noFxRate: withValue.filter((r) => r.fxWarning !== null).length,
    },
  };
}

/**
 * The fiscal year the page opens on for a metric: the latest in which at least 80% of the non-archived companies
 * have a figure of it (as the dashboard opens, docs/data-contract.md §8), else the best-covered year, else the previous calendar
 * year. A lone early estimate for next year therefore does not open the page on a column of gaps.
 */
export async function defaultCoverageYear(ctx: Ctx, { metric }: { metric: Metric }): Promise<number> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const [years, [active]] = await Promise.all([
    db
      .select({ year: figures.fiscalYear, companies: sql<number>`count(distinct ${figures.companyId})::int` })
      .from(figures)
      .innerJoin(companies, eq(companies.id, figures.companyId))
      .where(and(eq(figures.metric, metric), eq(companies.archived, false)))
      .groupBy(figures.fiscalYear)
      .orderBy(desc(figures.fiscalYear)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(companies)
      .where(eq(companies.archived, false)),
  ]);
  const wellCovered = years.find((y) => y.companies >= 0.8 * (active?.n ?? 0));
  const best = years.reduce<(typeof years)[number] | undefined>(
    (top, y) => (!top || y.companies > top.companies ? y : top),
    undefined,
  );
  return (wellCovered ?? best)?.year ?? new Date().getUTCFullYear() - 1;
}

async function findList(db: Database, name: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: lists.id, name: lists.name })
    .from(lists)
    .where(eq(lists.nameKey, caseFold(name)));
  return row ?? null;
}

/** Non-archived companies, on the list when one is given, whose name or ticker contains `q` when given. */
function companySetCondition(listId: string | undefined, q: string | undefined): SQL | undefined {
  const pattern = q === undefined ? undefined : `%${escapeLike(caseFold(q))}%`;
  return and(
    eq(companies.archived, false),
    listId === undefined
      ? undefined
      : exists(
          sql`(select 1 from ${companyLists} where ${companyLists.companyId} = ${companies.id} and ${companyLists.listId} = ${listId})`,
        ),
    pattern === undefined ? undefined : or(ilike(companies.nameKey, pattern), ilike(companies.tickerKey, pattern)),
  );
}

function coverageValue(
  own: readonly StoredFigure[],
  year: number,
  metric: Metric,
  rated: ReadonlySet<string>,
): ({ ok: true } & CoverageValue) | { ok: false; reason: string } {
  const chosen = chooseFiscalValue(own, year, metric, { estimates: 'include' });
  if (!chosen.ok) return { ok: false, reason: chosen.missing.reason };
  const used = chosen.used;
  const newest = used.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a));
  return {
    ok: true,
    value: chosen.value,
    currency: chosen.currency,
    from: chosen.from,
    estimated: chosen.estimated,
    kind: kindLabel(chosen.from, used),
    sources: distinct(used.map((f) => f.source)),
    notes: distinct(used.map((f) => f.note)),
    updatedAt: newest.updatedAt.toISOString(),
    updatedBy: newest.updatedBy,
    fxWarning: chosen.currency === 'USD' || rated.has(chosen.currency) ? null : `no ${chosen.currency} rate for ${year}`,
  };
}

/** `reported`, `estimate`, or for a sum of quarters which of them are estimates: `4 quarters (Q3, Q4 estimates)`. */
function kindLabel(from: CoverageValue['from'], used: readonly StoredFigure[]): string {
  if (from !== 'quarters') return from;
  const estimates = used.filter((f) => f.kind === 'estimate').map((f) => `Q${f.fiscalQuarter}`);
  if (estimates.length === 0) return '4 quarters (reported)';
  if (estimates.length === used.length) return '4 quarters (all estimates)';
  return `4 quarters (${estimates.join(', ')} ${estimates.length === 1 ? 'estimate' : 'estimates'})`;
}

function distinct(texts: readonly (string | null)[]): string[] {
  return [...new Set(texts.filter((t): t is string => t !== null))];
}
