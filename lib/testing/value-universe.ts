import type { FigureValue, Kind } from '@/lib/domain/figures/types';
import { COMPANY_CSV_COLUMNS } from '@/lib/dal/company-csv';
import { canonicalDecimal, Dec } from '@/lib/domain/decimal';
import { LAYER_KEYS, type LayerKey } from '@/lib/domain/layers';
import { PROFILE_SCOPES, type ProfileScope } from '@/lib/domain/profiles';

/**
 * Small random research universes for the tests of per-company values (lib/dal/analytics/company-values*.test.ts):
 * every shape of fiscal year docs/data-contract.md §3 knows, random year ends, currencies with gaps in their FX
 * rates. Seeded, so a failing universe can be rebuilt from its seed.
 */

/** mulberry32: a small seeded generator. */
export function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  /** Up to 6 decimals, as text, so no float ever decides a value. */
  const money = (negative: boolean) =>
    `${negative && next() < 0.3 ? '-' : ''}${int(0, 250_000)}.${String(int(0, 999_999)).padStart(6, '0')}`;
  /** A rate with up to 10 decimals. */
  const rate = () => `0.${String(int(1, 999_999_999)).padStart(9, '0')}${int(1, 9)}`;
  return { next, int, pick, money, rate };
}

export type Random = ReturnType<typeof random>;

export const UNIVERSE_CURRENCIES = ['USD', 'EUR', 'TWD', 'JPY'] as const;

export interface ValueUniverse {
  companies: { name: string; fye: number; currency: string }[];
  figures: (FigureValue & { company: string })[];
  rates: Map<string, string>;
}

/**
 * For each fiscal year from `years.from` to `years.to + 1` and each metric, one of: nothing, a reported or an
 * estimate full year, both, four quarters mixed, too few quarters, or an estimate full year over four quarters.
 */
export function figuresOf(r: Random, company: { name: string; currency: string }, fiscalYear: number) {
  const figures: ValueUniverse['figures'] = [];
  for (const metric of ['revenue', 'capex', 'operating_income'] as const) {
    const add = (fiscalQuarter: FigureValue['fiscalQuarter'], kind: Kind) =>
      figures.push({
        company: company.name,
        fiscalYear,
        fiscalQuarter,
        metric,
        kind,
        value: r.money(metric === 'operating_income'),
        currency: company.currency,
      });
    const quarters = (count: number) => {
      for (const q of [1, 2, 3, 4].slice(0, count) as (1 | 2 | 3 | 4)[]) {
        const kinds: Kind[] = r.next() < 0.7 ? ['reported'] : r.next() < 0.5 ? ['estimate'] : ['reported', 'estimate'];
        for (const kind of kinds) add(q, kind);
      }
    };
    const shape = r.int(0, 7);
    if (shape === 1 || shape === 3) add(null, 'reported');
    if (shape === 2 || shape === 3 || shape === 6) add(null, 'estimate');
    if (shape === 4 || shape === 6) quarters(4);
    if (shape === 5) quarters(r.int(1, 3));
    if (shape === 7) add(null, r.pick(['reported', 'estimate'] as const));
  }
  return figures;
}

export function valueUniverse(seed: number, size: number, years: { from: number; to: number }): ValueUniverse {
  const r = random(seed);
  const companies = Array.from({ length: size }, (_, i) => ({
    name: `Co ${seed}-${i}`,
    fye: r.pick([1, 3, 6, 9, 12, 12]),
    currency: r.pick(UNIVERSE_CURRENCIES),
  }));
  const figures: ValueUniverse['figures'] = [];
  // The last company has no figures at all: it has no stored row and is missing every year.
  for (const c of companies.slice(0, -1))
    for (let fy = years.from; fy <= years.to + 1; fy++) figures.push(...figuresOf(r, c, fy));
  const rates = new Map<string, string>();
  for (const currency of UNIVERSE_CURRENCIES.slice(1))
    for (let year = years.from; year <= years.to; year++) if (r.next() < 0.85) rates.set(`${currency}|${year}`, r.rate());
  return { companies, figures, rates };
}

const COMPANY_CSV_HEADER = COMPANY_CSV_COLUMNS.join(',');

/** companies.csv of the universe: shares in percent, with a remainder outside the stack for about a third. */
export function universeCompaniesCsv(u: ValueUniverse, seed: number): string {
  const r = random(seed + 1);
  const lines = u.companies.map((c) => {
    const weights = LAYER_KEYS.map(() => (r.next() < 0.5 ? r.int(1, 9) : 0));
    if (!weights.some((w) => w > 0)) weights[r.int(0, 5)] = 1;
    const outside = r.next() < 0.35 ? r.int(1, 5) : 0;
    const sum = weights.reduce((a, b) => a + b, 0) + outside;
    const cells = [...weights, outside].map((w) => (w === 0 ? '' : ((w * 100) / sum).toFixed(10)));
    return [c.name, '', '', 'public', c.fye, '', ...cells, c.currency, '', ''].join(',');
  });
  return [COMPANY_CSV_HEADER, ...lines].join('\n');
}

export function universeFxCsv(rates: ReadonlyMap<string, string>): string {
  return ['currency,year,usd_per_unit', ...[...rates].map(([key, rate]) => `${key.replace('|', ',')},${rate}`)].join('\n');
}

export function universeFiguresCsv(figures: ValueUniverse['figures']): string {
  return [
    'company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note',
    ...figures.map((f) =>
      [f.company, f.fiscalYear, f.fiscalQuarter ?? '', f.metric, f.kind, f.value, f.currency, '', ''].join(','),
    ),
  ].join('\n');
}

/** One profile of a universe company, as the API takes it (exact fractions). */
export interface UniverseProfile {
  scope: ProfileScope;
  fromYear: number | null;
  exposures: { layer: LayerKey; share: string }[];
}

/**
 * Exposure profiles for about two thirds of the universe's companies (docs/data-contract.md §2): up to four each,
 * of any scope, from the beginning or from a year around the universe's years (so profiles start before, inside and
 * after them), some putting everything outside the stack. Keys are distinct and none is the base.
 */
export function universeProfiles(u: ValueUniverse, seed: number, years: { from: number; to: number }) {
  const r = random(seed + 2);
  const profiles = new Map<string, UniverseProfile[]>();
  for (const c of u.companies) {
    if (r.next() < 0.35) continue;
    const own: UniverseProfile[] = [];
    const keys = new Set<string>();
    for (let n = r.int(1, 4); n > 0; n--) {
      const scope = r.pick(PROFILE_SCOPES);
      const fromYear = scope !== 'all' && r.next() < 0.3 ? null : r.int(years.from - 1, years.to + 1);
      const key = `${scope}@${fromYear}`;
      if (keys.has(key)) continue;
      keys.add(key);
      const exposures: UniverseProfile['exposures'] = [];
      if (r.next() >= 0.15) {
        // Shares in hundredths with up to 2 more decimals, summing to at most 1.
        let left = 10_000;
        for (const layer of LAYER_KEYS) {
          if (r.next() < 0.5 || left === 0) continue;
          const part = r.int(1, left);
          left -= part;
          exposures.push({ layer, share: canonicalDecimal(new Dec(part).div(10_000)) });
        }
      }
      own.push({ scope, fromYear, exposures });
    }
    profiles.set(c.name, own);
  }
  return profiles;
}
