import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/types';
import type { CompanyYearValue } from '../../domain/analytics/types';
import type { Basis, Metric } from '../../domain/figures/types';
import { isBaseProfile, type ProfileScope, type ProfileShares } from '../../domain/profiles';
import { selectPacked } from '../sql-helpers';
import {
  NO_SHARES,
  valuesByMetric,
  type Chosen,
  type CompanyProfiles,
  type SharesSource,
  type ValueTuple,
  type ValuesByMetric,
  VALUE_COLUMNS,
  valueRow,
} from './value-rows';

export interface CompanyValuesQuery {
  from: number;
  to: number;
  metric: Metric;
  basis: Basis;
  estimates: 'include' | 'exclude';
  /** Which companies: a condition on the `companies` table, unaliased (archived ones are always left out). */
  companySet: SQL | undefined;
}

/** `companyValues` of several metrics at once: the same set, years, basis and estimates mode. */
export interface MetricsValuesQuery extends Omit<CompanyValuesQuery, 'metric'> {
  metrics: readonly Metric[];
}

/** The rows of each metric asked for, by year, as `companyValues` returns them for that metric alone. */
export type { ValuesByMetric };

/**
 * Every company of the set, for every year from `from` to `to`: its value of the metric in USD millions
 * (docs/data-contract.md §3–§4), or why it has none. The values are read from `company_values`, which the database
 * keeps up to date in the transaction of every write (migration 0008, docs/architecture.md "Materialised company
 * values"): it holds the exact numerator Σ value × months × rate, which each row carries as it is (`twelfths`, the
 * reference `companyYearValue`'s own numerator): the one division by 12 comes after the aggregate, when an answer
 * is output. A year with no
 * stored row is missing with the standard reason, "no revenue for FY2024": the table leaves those out.
 * Returns the rows by year; each year holds every company of the set, sorted by name.
 */
export async function companyValues(db: Database, query: CompanyValuesQuery): Promise<Map<number, CompanyYearValue[]>> {
  const { metric, ...rest } = query;
  return (await metricsValues(db, { ...rest, metrics: [metric] })).get(metric)!;
}

/**
 * `companyValues` for each of several metrics, with one statement for all their values (and one for the shares
 * each metric's profiles give), not one of each per metric: each metric's rows equal its own `companyValues`.
 */
export async function metricsValues(db: Database, query: MetricsValuesQuery): Promise<ValuesByMetric> {
  // One after the other: inside an answer's snapshot both run on one connection, which takes one query at a time.
  const rows = (await selectPacked<ValueTuple>(db, storedValuesSql(query), VALUE_COLUMNS, { chunk: 'pos' })).map(valueRow);
  // One year (most answers): each company's shares for each metric chosen by the database, one row per company and
  // metric however many profiles there are. A range: every profile that may apply, chosen here year by year.
  const source: SharesSource =
    query.from === query.to ? { chosen: await chosenShares(db, query) } : { profiles: await companyProfiles(db, query) };
  return valuesByMetric(rows, query, source);
}

/**
 * Reads shares texts (`chips=0.6;models=0.3`, null for none) into shares objects, one per distinct text: most
 * companies share theirs with others and across metrics, and an answer reads each distinct object once
 * (`prepareYears`). The objects are shared, so they are never changed.
 */
function sharesReader(): (text: string | null) => ProfileShares {
  const byText = new Map<string, ProfileShares>();
  return (text) => {
    if (text === null) return NO_SHARES;
    const known = byText.get(text);
    if (known) return known;
    const shares: ProfileShares = Object.fromEntries(text.split(';').map((pair) => pair.split('=')));
    byText.set(text, shares);
    return shares;
  };
}

/** Earlier than any profile's year (the schema allows 1990–2100), for a profile from the beginning. */
const FIRST_EVER = sql.raw('-1');

/** The metrics asked for as a SQL list of values of type `type`: `'revenue'::metric, 'capex'::metric`. */
function metricList(metrics: readonly Metric[], type: 'metric' | 'profile_scope'): SQL {
  return sql.join(
    metrics.map((metric) => sql`${metric}::${sql.raw(type)}`),
    sql`, `,
  );
}

/**
 * For a one-year read, each company's shares for each metric and the year as docs/data-contract.md §2 chooses them,
 * by the database: its latest profile of the metric's scope from a year ≤ the year, else its latest `all` one, else
 * its base (`applicableProfile`'s rule; the base is `all` from the beginning, which no stored profile can be). One
 * row per company of the set and metric, its shares as one text (`chips=0.6;models=0.3`; null for none), so the rows
 * read do not grow with the profiles. A company absent from a metric's map has no shares at all.
 */
async function chosenShares(db: Database, query: MetricsValuesQuery): Promise<Map<Metric, Map<string, Chosen>>> {
  const inSet = sql`not companies.archived ${query.companySet ? sql`and ${query.companySet}` : sql``}`;
  const rows = await selectPacked<
    [id: string, metric: Metric, scope: ProfileScope | null, fromYear: number | null, shares: string | null]
  >(
    db,
    sql`with s as (select companies.id from companies where ${inSet}),
        m(metric) as (select unnest(array[${metricList(query.metrics, 'profile_scope')}])),
        chosen as (
          select distinct on (ep.company_id, m.metric) ep.company_id, m.metric, ep.id, ep.scope, ep.from_year
          from exposure_profiles ep join s on s.id = ep.company_id join m on ep.scope in ('all', m.metric)
          where coalesce(ep.from_year, ${FIRST_EVER}) <= ${query.from}::int
          order by ep.company_id, m.metric, ep.scope = m.metric desc, coalesce(ep.from_year, ${FIRST_EVER}) desc
        ),
        base as (
          select e.company_id, string_agg(e.layer_key || '=' || trim_scale(e.share)::text, ';') as shares
          from exposures e join s on s.id = e.company_id group by e.company_id
        ),
        profile as (
          select pe.profile_id, string_agg(pe.layer_key || '=' || trim_scale(pe.share)::text, ';') as shares
          from profile_exposures pe where pe.profile_id in (select c.id from chosen c) group by pe.profile_id
        )
        select s.id, m.metric::text as metric, c.scope::text as scope, c.from_year,
          case when c.id is null then base.shares else profile.shares end as shares
        from s
        cross join m
        left join chosen c on c.company_id = s.id and c.metric = m.metric
        left join base on base.company_id = s.id
        left join profile on profile.profile_id = c.id`,
    ['id', 'metric', 'scope', 'from_year', 'shares'],
  );
  const chosen = new Map(query.metrics.map((metric) => [metric, new Map<string, Chosen>()]));
  const sharesOf = sharesReader();
  for (const [id, metric, scope, fromYear, shares] of rows)
    chosen.get(metric)!.set(id, { shares: sharesOf(shares), profile: scope === null ? null : { scope, fromYear } });
  return chosen;
}

/**
 * The shares of every company of the set that has any: its base (the `exposures`), and those of its other profiles
 * that docs/data-contract.md §2 can choose for one of the metrics in some year from `from` to `to` — of a metric's
 * scope or `all`, from a year ≤ `to`, and not followed by another of the same scope from a year ≤ `from` (which wins every
 * year asked for) — one shares object per distinct text, shared by all the years and companies it serves. Shares come canonical from
 * the database (`trim_scale`: 0.600000 → 0.6), as `canonicalDecimal` writes them, without a decimal per row.
 */
async function companyProfiles(db: Database, query: MetricsValuesQuery): Promise<Map<string, CompanyProfiles>> {
  const inSet = sql`not companies.archived ${query.companySet ? sql`and ${query.companySet}` : sql``}`;
  // A profile from the beginning has no year: it comes before every dated one.
  const since = (p: string) => sql`coalesce(${sql.raw(p)}.from_year, ${FIRST_EVER})`;
  // One statement, so one snapshot: per company its base (no profile id), and every other profile, each with its
  // shares as one text (`chips=0.6;models=0.3`; null for a profile that puts everything outside), as `chosenShares`
  // reads them: half the rows of one per share, and one object per distinct text.
  const rows = await selectPacked<
    [id: string, profile: string | null, scope: ProfileScope | null, fromYear: number | null, shares: string | null]
  >(
    db,
    sql`select e.company_id as id, null::uuid as profile, null::text as scope, null::int as from_year,
               string_agg(e.layer_key || '=' || trim_scale(e.share)::text, ';') as shares
        from exposures e join companies on companies.id = e.company_id
        where ${inSet}
        group by e.company_id
        union all
        select p.company_id, p.id, p.scope::text, p.from_year,
               string_agg(pe.layer_key || '=' || trim_scale(pe.share)::text, ';')
        from exposure_profiles p join companies on companies.id = p.company_id
        left join profile_exposures pe on pe.profile_id = p.id
        where ${inSet} and p.scope in ('all', ${metricList(query.metrics, 'profile_scope')})
          and ${since('p')} <= ${query.to}::int
          and not exists (
            select 1 from exposure_profiles later
            where later.company_id = p.company_id and later.scope = p.scope
              and ${since('later')} > ${since('p')} and ${since('later')} <= ${query.from}::int)
        group by p.company_id, p.id, p.scope, p.from_year`,
    ['id', 'profile', 'scope', 'from_year', 'shares'],
  );
  const sharesOf = sharesReader();
  const byCompany = new Map<string, CompanyProfiles>();
  for (const [id, profileId, scope, fromYear, shares] of rows) {
    let company = byCompany.get(id);
    if (!company) byCompany.set(id, (company = { base: NO_SHARES, others: [] }));
    if (profileId === null) {
      company.base = sharesOf(shares);
      continue;
    }
    const key = { scope: scope!, fromYear };
    company.others.push({ ...key, shares: sharesOf(shares), profile: key });
  }
  for (const company of byCompany.values()) company.others = company.others.filter((p) => !isBaseProfile(p));
  return byCompany;
}

/**
 * The set's companies, each with its place by name, and its stored rows of the metrics, basis and years, each
 * tagged with its metric (the columns of the estimates mode asked for: without estimates, the `excl_` group where it
 * differs), or one row with neither metric nor year. One statement, so one snapshot; only the companies are sorted (by the database's collation, as
 * everywhere else), not the up to 20 rows per company.
 */
function storedValuesSql(q: MetricsValuesQuery): SQL {
  // Numerators without trailing zeros: the text `companyYearValue` writes, and the fewest decimal places for the
  // answer's scaled integers (`prepareYears`) to carry.
  const same = sql`cv.excl_numerator is null and cv.excl_code is null`;
  const columns =
    q.estimates === 'include'
      ? sql`trim_scale(cv.numerator)::text as numerator, cv.estimated, cv.code, cv.reason`
      : sql`trim_scale(case when ${same} then cv.numerator else cv.excl_numerator end)::text as numerator, false as estimated,
            case when ${same} then cv.code else cv.excl_code end as code,
            case when ${same} then cv.reason else cv.excl_reason end as reason`;
  return sql`
    select co.pos, co.id, co.name, co.fy_end as "fyEnd", cv.metric::text as metric, cv.year::int as year, ${columns}
    from (
      select companies.id, companies.name, companies.fiscal_year_end_month::int as fy_end, row_number() over (order by companies.name_key, companies.id)::int as pos
      from companies
      where not companies.archived ${q.companySet ? sql`and ${q.companySet}` : sql``}
    ) co
    left join company_values cv on cv.company_id = co.id and cv.metric in (${metricList(q.metrics, 'metric')})
      and cv.basis = ${q.basis}::value_basis and cv.year between ${q.from}::int and ${q.to}::int`;
}
