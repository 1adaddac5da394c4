/**
 * The generated analytics universe of bench/analytics.ts and bench/endpoints.ts (bench/README.md, "Analytics"):
 * `companies` companies with hashed layer shares, fiscal year ends and currencies, FX rates with a few gaps, and
 * twenty fiscal years of revenue, capex and operating income written by one `insert … select`.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/types';
import { SYSTEM_ACTOR } from '../lib/domain/actor';
import { LAYER_KEYS } from '../lib/domain/layers';
import { importCompaniesCsv } from '../lib/dal/company-csv';
import { importFxCsv } from '../lib/dal/fx';

export const FIRST_YEAR = 2006;
export const LAST_YEAR = 2025;
/** The year of the one-year endpoints. */
export const YEAR = 2024;

const CURRENCIES = ['USD', 'EUR', 'USD', 'TWD', 'USD', 'JPY', 'USD', 'GBP', 'USD', 'EUR'];
const COUNTRY_OF: Record<string, string> = { USD: 'US', EUR: 'NL', TWD: 'TW', JPY: 'JP', GBP: 'GB' };
const FISCAL_YEAR_ENDS = [12, 12, 3, 12, 6, 12, 9, 1, 12, 12, 12];
/** Shares of a company's first, second and third layer, and the part outside the stack. */
const SHARE_PATTERNS = [
  { shares: ['1'], outside: '' },
  { shares: ['0.6', '0.4'], outside: '' },
  { shares: ['0.5', '0.3', '0.2'], outside: '' },
  { shares: ['0.4', '0.2'], outside: '0.4' },
  { shares: ['0.25', '0.1'], outside: '0.65' },
];
const FX_BASE: Record<string, number> = { EUR: 1.25, TWD: 0.031, JPY: 0.0089, GBP: 1.55 };
/** Years with no rate, so some companies are missing for `no_fx_rate`. */
const FX_GAPS: Record<string, number[]> = { TWD: [2006, 2007], GBP: [2012], JPY: [2025] };

/** A 32-bit integer hash (murmur3's finaliser), so the universe is the same on every run. */
function hash(n: number): number {
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The six share cells and `outside` of company `i`: its pattern's shares on one to three distinct layers. */
function sharesOf(i: number): { cells: string[]; outside: string } {
  const h = hash(i);
  const { shares, outside } = SHARE_PATTERNS[h % SHARE_PATTERNS.length]!;
  const first = (h >>> 4) % 6;
  const layers = [first, (first + 1 + ((h >>> 8) % 5)) % 6];
  layers.push([0, 1, 2, 3, 4, 5].find((k) => !layers.includes(k))!);
  const cells = LAYER_KEYS.map(() => '');
  shares.forEach((share, n) => (cells[layers[n]!] = share));
  return { cells, outside };
}

export function companiesCsv(companies: number): string {
  const rows = [
    'name,ticker,country,status,fiscal_year_end_month,lists,' + LAYER_KEYS.join(',') + ',outside,currency,website,description',
  ];
  for (let i = 0; i < companies; i++) {
    const currency = CURRENCIES[i % CURRENCIES.length]!;
    const { cells, outside } = sharesOf(i);
    const lists = i % 30 === 0 ? 'Portfolio;Watchlist' : i % 10 === 0 ? 'Portfolio' : i % 10 === 1 ? 'Watchlist' : '';
    rows.push(
      [
        `Company ${String(i + 1).padStart(5, '0')}`,
        `C${String(i + 1).padStart(5, '0')}`,
        COUNTRY_OF[currency],
        i % 4 === 0 ? 'private' : 'public',
        FISCAL_YEAR_ENDS[i % FISCAL_YEAR_ENDS.length],
        lists,
        ...cells,
        outside,
        currency,
        '',
        '',
      ].join(','),
    );
  }
  return rows.join('\n') + '\n';
}

export function fxCsv(): string {
  const rows = ['currency,year,usd_per_unit'];
  for (const [currency, base] of Object.entries(FX_BASE))
    for (let year = FIRST_YEAR; year <= LAST_YEAR + 1; year++)
      if (!FX_GAPS[currency]?.includes(year))
        rows.push(`${currency},${year},${(base * (1 + ((year * 7) % 11) / 100)).toPrecision(6)}`);
  return rows.join('\n') + '\n';
}

/**
 * Every company's figures, written by the database itself (a figures.csv of this size would take about a minute to
 * import; bench:figures times the importer). Per company, fiscal year and metric, `h % 100` picks what exists:
 * 0–4 nothing; 5–9 quarters only (5: Q1–Q3 only; 9: Q4 an estimate); 10–17 a full-year estimate; 18–22 reported
 * and estimate; 23–24 reported with its four quarters; 25–99 reported. One company in eight starts reporting later.
 * Year ends before December also have the fiscal year after LAST_YEAR, which calendar LAST_YEAR needs.
 */
export const FIGURES_SQL = sql`
  insert into figures (company_id, fiscal_year, fiscal_quarter, metric, kind, value, currency, updated_by)
  with co as (
    select id, currency, fiscal_year_end_month as e, n,
      case when n % 8 = 0 then ${FIRST_YEAR}::int + n % 12 else ${FIRST_YEAR}::int end as first_year
    from (select *, row_number() over (order by name_key)::int as n from companies) numbered
  ),
  cells as (
    select co.id, co.currency, y.y as fiscal_year, m.m as metric,
      abs(hashtext(co.n::text || '/' || y.y::text || '/' || m.m::text)) as h
    from co
    cross join generate_series(${FIRST_YEAR}::int, ${LAST_YEAR + 1}::int) as y(y)
    cross join unnest(enum_range(null::metric)) as m(m)
    where y.y >= co.first_year and (y.y <= ${LAST_YEAR}::int or co.e < 12)
  )
  select id, fiscal_year, s.q, metric, s.kind,
    round(
      case metric when 'revenue' then 10 + (h % 5000000) / 100.0 when 'capex' then (h % 1000000) / 100.0
        else (h % 1000000) / 100.0 - 2000 end
      * (1 + (fiscal_year - ${FIRST_YEAR}::int) * 0.05) * (case when s.kind = 'estimate' then 1.02 else 1 end)
      / (case when s.q is null then 1 else 4 end),
      6),
    currency, 'bench'
  from cells
  cross join lateral (values
    (null::smallint, 'reported'::figure_kind), (null, 'estimate'),
    (1, 'reported'), (2, 'reported'), (3, 'reported'), (4, 'reported'), (4, 'estimate')
  ) as s(q, kind)
  where case
    when h % 100 < 5 then false
    when h % 100 < 10 then s.q is not null and not (h % 100 = 5 and s.q = 4) and (s.kind = 'reported') <> (h % 100 = 9 and s.q = 4)
    when h % 100 < 18 then s.q is null and s.kind = 'estimate'
    when h % 100 < 23 then s.q is null
    when h % 100 < 25 then s.kind = 'reported'
    else s.q is null and s.kind = 'reported'
  end`;

/**
 * Writes the universe into an empty database: companies and rates through the importers, the figures in one
 * statement (its trigger queues every company, and company_values is filled at its commit), then `vacuum analyze`,
 * the state PostgreSQL's autovacuum reaches soon after a bulk insert (embedded PGlite never runs autovacuum).
 */
export async function writeUniverse(db: Database, companies: number): Promise<void> {
  await importCompaniesCsv({ actor: SYSTEM_ACTOR }, { text: companiesCsv(companies), dryRun: false });
  await importFxCsv({ actor: SYSTEM_ACTOR }, { text: fxCsv(), dryRun: false });
  await db.execute(FIGURES_SQL);
  await db.execute(sql`vacuum analyze`);
}
