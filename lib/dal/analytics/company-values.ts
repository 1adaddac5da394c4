import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/types';
import type { CompanyYearValue } from '../../domain/analytics/types';
import { Dec, canonicalDecimal } from '../../domain/decimal';
import { METRIC_LABELS, type Basis, type Metric, type MissingCode } from '../../domain/figures/types';
import type { LayerKey } from '../../domain/layers';
import { selectRows } from '../sql-helpers';

export interface CompanyValuesQuery {
  from: number;
  to: number;
  metric: Metric;
  basis: Basis;
  estimates: 'include' | 'exclude';
  /** Which companies: a condition on the `companies` table, unaliased (archived ones are always left out). */
  companySet: SQL | undefined;
}

interface ValueRow {
  id: string;
  name: string;
  year: number;
  numerator: string | null;
  estimated: boolean;
  code: MissingCode | null;
  reason: string | null;
}

/**
 * Every company of the set, for every year from `from` to `to`: its value of the metric in USD millions
 * (docs/data-contract.md §3–§4), or why it has none, in one set-based query on Postgres `numeric` (both drivers). The database does the
 * exact part — choosing each fiscal year's value, Σ value × months × rate — and the one division by 12 happens
 * here, in the same decimal arithmetic as the reference `companyYearValue`, so the two agree digit for digit.
 * Returns the rows by year; each year holds every company of the set, sorted by name.
 */
export async function companyValues(db: Database, query: CompanyValuesQuery): Promise<Map<number, CompanyYearValue[]>> {
  const [rows, shares] = await Promise.all([
    selectRows<ValueRow>(db, valuesSql(query)),
    selectRows<{ id: string; layer: LayerKey; share: string }>(
      db,
      sql`select e.company_id as id, e.layer_key as layer, e.share::text as share
          from exposures e join companies on companies.id = e.company_id
          where not companies.archived ${query.companySet ? sql`and ${query.companySet}` : sql``}`,
    ),
  ]);
  const sharesOf = new Map<string, Partial<Record<LayerKey, string>>>();
  for (const s of shares) (sharesOf.get(s.id) ?? sharesOf.set(s.id, {}).get(s.id)!)[s.layer] = canonicalDecimal(s.share);

  const byYear = new Map<number, CompanyYearValue[]>();
  for (let year = query.from; year <= query.to; year++) byYear.set(year, []);
  for (const r of rows)
    byYear.get(r.year)?.push({
      id: r.id,
      name: r.name,
      shares: sharesOf.get(r.id) ?? {},
      value: r.numerator === null ? null : canonicalDecimal(new Dec(r.numerator).div(12)),
      estimated: r.numerator !== null && r.estimated,
      missing: r.code ? { code: r.code, reason: r.reason ?? '' } : null,
    });
  return byYear;
}

/**
 * The query, CTE by CTE:
 * - `co`: the set; `spans`: for each company and year, the fiscal years that overlap it with their months
 *   (docs/data-contract.md §4: e months of FY Y and 12 − e of FY Y+1), or FY Y with 12 months on the fiscal basis;
 * - `per_quarter` / `per_year`: each fiscal year's figures folded to what docs/data-contract.md §3 needs — the reported and
 *   estimate full years, and the four quarters each taken reported-before-estimate;
 * - `chosen`: the value of each fiscal year under `estimates`, or its reason, with the same words as
 *   `chooseFiscalValue`;
 * - the final select: a company is missing when a span has no value (the first such span names the reason), else
 *   when a part's currency has no rate for the year; otherwise Σ value × months × rate.
 */
function valuesSql(q: CompanyValuesQuery): SQL {
  const label = METRIC_LABELS[q.metric];
  const exclude = q.estimates === 'exclude';
  const spans =
    q.basis === 'fiscal'
      ? sql`select co.id, y.y as year, y.y as fiscal_year, 12 as months, 1 as ord from co cross join y`
      : sql`select co.id, y.y as year, y.y as fiscal_year, co.e as months, 1 as ord from co cross join y
            union all
            select co.id, y.y, y.y + 1, 12 - co.e, 2 from co cross join y where co.e < 12`;
  return sql`
    with co as (
      select companies.id, companies.name, companies.name_key, companies.fiscal_year_end_month as e
      from companies
      where not companies.archived ${q.companySet ? sql`and ${q.companySet}` : sql``}
    ),
    y as (select generate_series(${q.from}::int, ${q.to}::int) as y),
    spans as (${spans}),
    per_quarter as (
      select f.company_id, f.fiscal_year, coalesce(f.fiscal_quarter, 0) as q, min(f.currency) as currency,
        min(f.value) filter (where f.kind = 'reported') as reported,
        min(f.value) filter (where f.kind = 'estimate') as estimate
      from figures f
      where f.metric = ${q.metric}::metric and f.fiscal_year between ${q.from}::int and ${q.to + 1}::int
        and f.company_id in (select id from co)
      group by 1, 2, 3
    ),
    per_year as (
      select company_id, fiscal_year, min(currency) as currency,
        min(reported) filter (where q = 0) as year_reported,
        min(estimate) filter (where q = 0) as year_estimate,
        count(*) filter (where q > 0) as quarters,
        sum(coalesce(reported, estimate)) filter (where q > 0) as quarters_sum,
        bool_or(reported is null) filter (where q > 0) as quarter_estimated,
        count(reported) filter (where q > 0) as quarters_reported,
        sum(reported) filter (where q > 0) as reported_quarters_sum,
        string_agg('Q' || q::text, ', ' order by q) filter (where q > 0) as present
      from per_quarter
      group by 1, 2
    ),
    included as (
      select *,
        coalesce(year_reported, year_estimate, case when quarters = 4 then quarters_sum end) as value,
        year_reported is null and (year_estimate is not null or (quarters = 4 and quarter_estimated)) as estimated
      from per_year
    ),
    chosen as (
      select company_id, fiscal_year, currency,
        ${exclude ? sql`coalesce(year_reported, case when quarters_reported = 4 then reported_quarters_sum end)` : sql`value`} as value,
        ${exclude ? sql`false` : sql`estimated`} as estimated,
        case when value is null
          then ${`no ${label} for FY`}::text || fiscal_year::text || coalesce(' (only ' || present || ' of 4 quarters)', '')
          else ${`only estimates of ${label} for FY`}::text || fiscal_year::text
        end as reason
      from included
    ),
    parts as (
      select s.id, s.year, s.ord, s.months, ch.value, ch.currency, ch.estimated,
        coalesce(ch.reason, ${`no ${label} for FY`}::text || s.fiscal_year::text) as reason,
        case when ch.currency = 'USD' then 1::numeric else fx.usd_per_unit end as rate
      from spans s
      left join chosen ch on ch.company_id = s.id and ch.fiscal_year = s.fiscal_year
      left join fx_rates fx on fx.currency = ch.currency and fx.year = s.year
    ),
    per_company as (
      select id, year,
        (array_agg(reason order by ord) filter (where value is null))[1] as figure_reason,
        (array_agg('no ' || currency || ' rate for ' || year::text order by ord) filter (where value is not null and rate is null))[1] as rate_reason,
        sum(value * months * rate) as numerator,
        bool_or(estimated) as estimated
      from parts
      group by 1, 2
    )
    select co.id, co.name, pc.year::int as year,
      case when pc.figure_reason is null and pc.rate_reason is null then pc.numerator::text end as numerator,
      coalesce(pc.estimated, false) as estimated,
      case when pc.figure_reason is not null then 'no_figure' when pc.rate_reason is not null then 'no_fx_rate' end as code,
      coalesce(pc.figure_reason, pc.rate_reason) as reason
    from per_company pc join co on co.id = pc.id
    order by pc.year, co.name_key, co.id`;
}
