import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { companyYearValue } from '@/lib/domain/figures/calendar';
import type { Basis, Metric } from '@/lib/domain/figures/types';
import {
  universeCompaniesCsv,
  universeFiguresCsv,
  universeFxCsv,
  valueUniverse,
  type ValueUniverse,
} from '@/lib/testing/value-universe';
import { importCompaniesCsv } from '../company-csv';
import { importFiguresCsv } from '../figure-csv';
import { importFxCsv } from '../fx';
import { companyValues } from './company-values';

const YEARS = { from: 2020, to: 2025 };

async function load(u: ValueUniverse, seed: number) {
  await importCompaniesCsv({ actor: SYSTEM_ACTOR }, { text: universeCompaniesCsv(u, seed), dryRun: false });
  await importFxCsv({ actor: SYSTEM_ACTOR }, { text: universeFxCsv(u.rates), dryRun: false });
  await importFiguresCsv({ actor: SYSTEM_ACTOR }, { text: universeFiguresCsv(u.figures), dryRun: false });
}

// A fresh database per universe: one universe's FX rates must not leak into another's reference.
describe.each(TEST_DRIVERS.flatMap((driver) => [11, 29].map((seed) => [driver, seed] as const)))(
  'per-company values in SQL on %s, seed %i',
  (driver, seed) => {
    const database = useFreshDatabase(driver);

    it('equal the lib/ reference for every company, year, metric, basis and estimates mode', async () => {
      const u = valueUniverse(seed, 24, YEARS);
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
