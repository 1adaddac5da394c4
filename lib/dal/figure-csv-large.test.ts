import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { companiesCsv, companyName, figuresCsv, fxCsv, generatedFigure } from '@/lib/testing/figure-universe';
import { companyFilterSchema } from '@/lib/companies/filter';
import { listCompanies } from './companies';
import { importCompaniesCsv } from './company-csv';
import { exportFiguresCsv, importFiguresCsv } from './figure-csv';
import { listFigures } from './figures';
import { importFxCsv } from './fx';

const SIZE = { companies: 2_000, figures: 100_000 };
/** A negative quarter of operating income with 17 significant digits, blank kind, and a note that needs quoting. */
const PROBE = 78_700;

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
}

describe.each(TEST_DRIVERS)('figures.csv with 100,000 rows on %s', (driver) => {
  useFreshDatabase(driver);

  it(
    'imports 100,000 figures exactly, finds them unchanged, and reads its own export back unchanged',
    { timeout: 180_000 },
    async () => {
      const analyst = { actor: await makeUser('analyst') };
      await importCompaniesCsv(analyst, { text: companiesCsv(SIZE), dryRun: false });
      await importFxCsv(analyst, { text: fxCsv(), dryRun: false });
      const file = figuresCsv(SIZE);

      const imported = await timed(`${driver}: import of 100,000 new figures`, () =>
        importFiguresCsv(analyst, { text: file, dryRun: false }),
      );
      expect(imported).toEqual({ dryRun: false, created: 100_000, updated: 0, unchanged: 0, warnings: [] });

      const again = await timed(`${driver}: re-import of 100,000 unchanged figures`, () =>
        importFiguresCsv(analyst, { text: file, dryRun: false }),
      );
      expect(again).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: 100_000, warnings: [] });

      const probe = generatedFigure(PROBE, SIZE);
      // The value is beyond what a double holds exactly, so only an exact decimal path keeps it.
      expect(probe.value).toBe('-21886733532.970026');
      expect(String(Number(probe.value))).not.toBe(probe.value);
      const [company] = (await listCompanies(analyst, companyFilterSchema.parse({ q: companyName(probe.company) }))).items;
      const stored = (await listFigures(analyst, { company: company!.id, year: probe.fiscalYear, metric: probe.metric })).filter(
        (f) => f.fiscalQuarter === probe.fiscalQuarter && f.kind === probe.kind,
      );
      expect(stored).toEqual([
        expect.objectContaining({
          fiscalQuarter: 4,
          kind: 'reported',
          value: '-21886733532.970026',
          note: 'Run-rate, annualised from "Q4"',
        }),
      ]);

      const exported = await timed(`${driver}: export of 100,000 figures`, () => exportFiguresCsv(analyst));
      const roundTrip = await timed(`${driver}: re-import of the export`, () =>
        importFiguresCsv(analyst, { text: exported, dryRun: false }),
      );
      expect(roundTrip).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: 100_000, warnings: [] });
    },
  );
});
