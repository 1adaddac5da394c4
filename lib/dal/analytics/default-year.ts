import 'server-only';
import { sql } from 'drizzle-orm';
import type { DefaultYearQuery } from '../../analytics/schema';
import { isThinCoverage } from '../../domain/analytics/coverage';
import type { DashboardFilters } from '../../domain/dashboard/filters';
import { dbOf, type Ctx } from '../context';
import { assertRole } from '../guard';
import { selectRows } from '../sql-helpers';
import { answerKey, oncePerVersion } from './answer-cache';
import { companySetCondition } from './company-set';

/**
 * The year a dashboard opens on (docs/data-contract.md §8): the latest in which at least 80% of the set has revenue
 * on the calendar basis, searched over the `lookback` years up to `latest`; null when no year qualifies. Computed
 * once per data version, like the answers.
 */
export async function defaultAnalyticsYear(
  ctx: Ctx,
  set: DefaultYearQuery,
  { latest = new Date().getUTCFullYear(), lookback = 15 }: { latest?: number; lookback?: number } = {},
): Promise<number | null> {
  assertRole(ctx.actor, 'viewer');
  const search = { latest, lookback };
  const key = answerKey('default-year', { ...set, ...search });
  return (await oncePerVersion(ctx, key, (snapshot) => computeDefaultYear(snapshot, set, search))).value;
}

/**
 * Counted by the database, year by year from `latest` down, stopping at the first that qualifies: how many companies
 * of the set have a calendar revenue (estimates included) in the year, against the set's size. A company has a value
 * in a year exactly when its `company_values` row has a numerator, as `companyValues` reads it; no per-company rows
 * leave the database. The year searched first is nearly always the answer or next to it, so one or two counts of one
 * year replace a count of all fifteen (620 ms of a cold dashboard at 50,000 companies). A statement per year, in the
 * answer's one snapshot, rather than one statement: SQL stops early over a series of years only through a recursive
 * query, which would say the same less plainly.
 */
async function computeDefaultYear(
  ctx: Ctx,
  set: DefaultYearQuery,
  { latest, lookback }: { latest: number; lookback: number },
): Promise<number | null> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const companySet = await companySetCondition(db, set);
  const inSet = sql`not companies.archived ${companySet ? sql`and ${companySet}` : sql``}`;
  const [size] = await selectRows<{ total: number }>(db, sql`select count(*)::int as total from companies where ${inSet}`);
  const total = size!.total;
  if (total === 0) return null; // no company, no year (an empty set is not "complete")
  for (let year = latest; year > latest - lookback; year--) {
    const [counted] = await selectRows<{ included: number }>(
      db,
      sql`select count(*)::int as included
          from companies join company_values cv on cv.company_id = companies.id
          where ${inSet} and cv.metric = 'revenue' and cv.basis = 'calendar' and cv.year = ${year}::int
            and cv.numerator is not null`,
    );
    const included = counted!.included;
    if (!isThinCoverage(included, total - included)) return year;
  }
  return null;
}

/**
 * The year a dashboard of these filters shows: the URL's, else the default year, else the previous calendar year
 * (docs/data-contract.md §8).
 */
export async function dashboardYear(ctx: Ctx, filters: DashboardFilters): Promise<number> {
  if (filters.year !== undefined) return filters.year;
  const year = await defaultAnalyticsYear(ctx, { list: filters.list, status: filters.status, country: filters.country });
  return year ?? new Date().getUTCFullYear() - 1;
}
