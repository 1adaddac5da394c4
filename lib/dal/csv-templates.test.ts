import { describe, expect, it } from 'vitest';
import { CSV_FORMATS } from '@/lib/csv/formats';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { importCompaniesCsv } from './company-csv';
import { importExposuresCsv } from './exposure-csv';
import { importFiguresCsv } from './figure-csv';
import { importFlowsCsv } from './flow-csv';
import { importFxCsv } from './fx';

describe.each(TEST_DRIVERS)('the Import page’s templates on %s', (driver) => {
  useFreshDatabase(driver);

  it('import as written, in the page’s order, each row created without a warning', async () => {
    const ctx = { actor: SYSTEM_ACTOR };
    const importers = [
      ['companies', importCompaniesCsv],
      ['fx', importFxCsv],
      ['figures', importFiguresCsv],
      ['exposures', importExposuresCsv],
      ['flows', importFlowsCsv],
    ] as const;
    for (const [kind, importer] of importers) {
      const { template } = CSV_FORMATS[kind];
      const summary = await importer(ctx, { text: template, dryRun: false });
      expect(summary, kind).toMatchObject({ created: template.split('\r\n').length - 1, updated: 0, warnings: [] });
    }
  });

  it('document every column of their header', () => {
    for (const [kind, format] of Object.entries(CSV_FORMATS)) {
      const documented = format.columns.flatMap(([names]) => names.split(', '));
      expect(documented.sort(), kind).toEqual(format.template.split('\r\n')[0]!.split(',').sort());
    }
  });
});
