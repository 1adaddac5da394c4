import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { companyYearValue } from '@/lib/domain/figures/calendar';
import type { Basis, FigureValue, Kind, Metric } from '@/lib/domain/figures/types';
import { LAYER_KEYS } from '@/lib/domain/layers';
import { importCompaniesCsv } from '../company-csv';
import { importFiguresCsv } from '../figure-csv';
import { importFxCsv } from '../fx';
import { companyValues } from './company-values';

/** mulberry32: a small seeded generator, so a failing universe can be rebuilt from its seed. */
function random(seed: number) {
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
  return { next, int, pick, money };
}

const YEARS = { from: 2020, to: 2025 };
const CURRENCIES = ['USD', 'EUR', 'TWD', 'JPY'] as const;

interface Universe {
  companies: { name: string; fye: number; currency: string }[];
  figures: (FigureValue & { company: string })[];
  rates: Map<string, string>;
}

/**
 * Companies with random year ends, currencies and shares (some partly outside the stack); for each fiscal year
 * and metric one of: nothing, a reported or estimate full year, both, four quarters mixed, too few quarters, or an
 * estimate full year over four reported quarters; FX rates with gaps.
 */
function universe(seed: number, size: number): Universe {
  const r = random(seed);
  const companies = Array.from({ length: size }, (_, i) => ({
    name: `Co ${seed}-${i}`,
    fye: r.pick([1, 3, 6, 9, 12, 12]),
    currency: r.pick(CURRENCIES),
  }));
  const figures: Universe['figures'] = [];
  for (const c of companies)
    for (let fy = YEARS.from; fy <= YEARS.to + 1; fy++)
      for (const metric of ['revenue', 'capex', 'operating_income'] as const) {
        const add = (fiscalQuarter: FigureValue['fiscalQuarter'], kind: Kind) =>
          figures.push({
            company: c.name,
            fiscalYear: fy,
            fiscalQuarter,
            metric,
            kind,
            value: r.money(metric === 'operating_income'),
            currency: c.currency,
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
  const rates = new Map<string, string>();
  for (const currency of CURRENCIES.slice(1))
    for (let year = YEARS.from; year <= YEARS.to; year++)
      if (r.next() < 0.85) rates.set(`${currency}|${year}`, `0.${String(r.int(1, 999_999_999)).padStart(9, '0')}${r.int(1, 9)}`);
  return { companies, figures, rates };
}

async function load(u: Universe, seed: number) {
  const r = random(seed + 1);
  const shareColumns = [...LAYER_KEYS, 'outside'];
  const companyLines = u.companies.map((c) => {
    // Shares in percent with a remainder outside the stack for about a third of the companies.
    const weights = LAYER_KEYS.map(() => (r.next() < 0.5 ? r.int(1, 9) : 0));
    if (!weights.some((w) => w > 0)) weights[r.int(0, 5)] = 1;
    const outside = r.next() < 0.35 ? r.int(1, 5) : 0;
    const sum = weights.reduce((a, b) => a + b, 0) + outside;
    const cells = [...weights, outside].map((w) => (w === 0 ? '' : ((w * 100) / sum).toFixed(10)));
    return [c.name, '', '', 'public', c.fye, '', ...cells, c.currency, '', ''].join(',');
  });
  const header = [
    'name',
    'ticker',
    'country',
    'status',
    'fiscal_year_end_month',
    'lists',
    ...shareColumns,
    'currency',
    'website',
    'description',
  ];
  await importCompaniesCsv({ actor: SYSTEM_ACTOR }, { text: [header.join(','), ...companyLines].join('\n'), dryRun: false });
  await importFxCsv(
    { actor: SYSTEM_ACTOR },
    {
      text: ['currency,year,usd_per_unit', ...[...u.rates].map(([key, rate]) => `${key.replace('|', ',')},${rate}`)].join('\n'),
      dryRun: false,
    },
  );
  await importFiguresCsv(
    { actor: SYSTEM_ACTOR },
    {
      text: [
        'company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note',
        ...u.figures.map((f) =>
          [f.company, f.fiscalYear, f.fiscalQuarter ?? '', f.metric, f.kind, f.value, f.currency, '', ''].join(','),
        ),
      ].join('\n'),
      dryRun: false,
    },
  );
}

// A fresh database per universe: one universe's FX rates must not leak into another's reference.
describe.each(TEST_DRIVERS.flatMap((driver) => [11, 29].map((seed) => [driver, seed] as const)))(
  'per-company values in SQL on %s, seed %i',
  (driver, seed) => {
    const database = useFreshDatabase(driver);

    it('equal the lib/ reference for every company, year, metric, basis and estimates mode', async () => {
      const u = universe(seed, 24);
      await load(u, seed);
      const { db } = database.current();
      let compared = 0;
      const outcomes = new Set<string>();
      for (const metric of ['revenue', 'capex', 'operating_income'] as Metric[])
        for (const basis of ['calendar', 'fiscal'] as Basis[])
          for (const estimates of ['include', 'exclude'] as const) {
            const sqlValues = await companyValues(db, { ...YEARS, metric, basis, estimates, companySet: undefined });
            for (let year = YEARS.from; year <= YEARS.to; year++) {
              const rows = sqlValues.get(year) ?? [];
              expect(rows).toHaveLength(u.companies.length);
              for (const row of rows) {
                const company = u.companies.find((c) => c.name === row.name)!;
                const expected = companyYearValue({
                  figures: u.figures.filter((f) => f.company === company.name),
                  fiscalYearEndMonth: company.fye,
                  year,
                  metric,
                  basis,
                  estimates,
                  usdPerUnit: (currency, y) => u.rates.get(`${currency}|${y}`),
                });
                const actual = { value: row.value, estimated: row.estimated, missing: row.missing };
                const wanted = expected.ok
                  ? { value: expected.usd, estimated: expected.estimated, missing: null }
                  : { value: null, estimated: false, missing: expected.missing };
                expect(actual, `${row.name} ${year} ${metric} ${basis} ${estimates}`).toEqual(wanted);
                outcomes.add(expected.ok ? `ok${expected.estimated ? '-estimated' : ''}` : expected.missing.code);
                compared++;
              }
            }
          }
      // The universe exercises every outcome, so agreement is not vacuous.
      expect([...outcomes].sort()).toEqual(['no_figure', 'no_fx_rate', 'ok', 'ok-estimated']);
      expect(compared).toBe(3 * 2 * 2 * 6 * 24);
    }, 120_000);
  },
);
