import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/actor';
import { CsvRejectedError, ForbiddenError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/actors';
import { addCompany } from '@/lib/testing/companies';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { bulkUpdateCompanies } from './company-writes';
import { exportFlowsCsv, FLOW_CSV_COLUMNS, importFlowsCsv } from './flow-csv';
import { listFlows } from './flows';

const HEADER = FLOW_CSV_COLUMNS.join(',');
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe.each(TEST_DRIVERS)('flows.csv on %s', (driver) => {
  useFreshDatabase(driver);
  let analyst: Actor;
  let ids: Record<'cloud' | 'gpu' | 'fab', string>;
  beforeAll(async () => {
    analyst = await makeUser('analyst');
    const cloud = await addCompany(analyst, {
      name: 'Csv Cloud',
      ticker: 'CCL',
      exposures: [
        { layer: 'infrastructure', share: '0.2' },
        { layer: 'execution', share: '0.8' },
      ],
    });
    const gpu = await addCompany(analyst, { name: 'Csv Gpu', exposures: [{ layer: 'chips', share: '1' }] });
    const fab = await addCompany(analyst, { name: 'Csv Fab', currency: 'TWD', exposures: [{ layer: 'chips', share: '1' }] });
    ids = { cloud: cloud.id, gpu: gpu.id, fab: fab.id };
  });
  const run = (text: string, dryRun = false) => importFlowsCsv({ actor: analyst }, { text, dryRun });

  const GOOD = csv(
    'CCL,execution,Csv Gpu,chips,2024,,1190.4,,"10-K, p. 3",',
    'csv gpu,chips,Csv Fab,CHIPS,2024,estimate,"348,000",,press,"=share × revenue"',
  );

  it('previews, imports (348,000 beside 1190.4 is thousands), answers the same file again with no change, and exports what it read', async () => {
    expect(await run(GOOD, true)).toEqual({
      dryRun: true,
      created: 2,
      updated: 0,
      unchanged: 0,
      warnings: [{ line: 3, message: 'No TWD rate for 2024 yet, so this flow cannot be converted to USD.' }],
    });
    expect(await listFlows({ actor: analyst }, { company: ids.gpu, year: 2024 })).toEqual([]);
    expect(await run(GOOD)).toMatchObject({ dryRun: false, created: 2 });
    expect(await run(GOOD)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const flows = await listFlows({ actor: analyst }, { company: ids.gpu, year: 2024 });
    expect(flows.map((f) => [f.payerName, f.payeeName, f.kind, f.value, f.currency])).toEqual([
      ['Csv Cloud', 'Csv Gpu', 'reported', '1190.4', 'USD'],
      ['Csv Gpu', 'Csv Fab', 'estimate', '348000', 'TWD'],
    ]);
    const exported = await exportFlowsCsv({ actor: await makeUser('viewer') });
    expect(exported.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(HEADER);
    expect(exported).toContain(",press,'=share × revenue");
    expect(await run(exported)).toMatchObject({ created: 0, updated: 0 });
  });

  it('names every bad row by line, column and reason, and writes nothing', async () => {
    const error = (await run(
      csv(
        'Csv Cloud,execution,Csv Cloud,execution,2025,,1,,,',
        'Csv Cloud,models,Csv Gpu,chips,2025,,1,,,',
        'Csv Cloud,execution,Csv Gpu,chips,2025,,-5,,,',
        'Nobody,execution,Csv Gpu,chips,2025,,1,,,',
        'Csv Cloud,execution,Csv Gpu,chips,abc,,1,,,',
        'Csv Cloud,execution,Csv Fab,chips,2025,,1,USD,,',
        'Csv Cloud,execution,Csv Fab,chips,2025,estimate,1,EUR,,',
        'Csv Cloud,execution,Csv Fab,chips,2025,,2,USD,,',
      ),
    ).catch((e: unknown) => e)) as CsvRejectedError;
    expect(error).toBeInstanceOf(CsvRejectedError);
    expect(error.issues.map((i) => [i.line, i.column])).toEqual([
      [2, 'payee'],
      [3, 'payer_layer'],
      [4, 'value_millions'],
      [5, 'payer'],
      [6, 'year'],
      [8, 'currency'],
      [9, null],
    ]);
    expect(error.issues[1]!.message).toBe('Csv Cloud has no share in the Models layer');
    expect(error.issues[6]!.message).toBe('the same flow as line 7');
    expect(await listFlows({ actor: analyst }, { company: ids.fab, year: 2025 })).toEqual([]);
  });

  it('needs the analyst role to import, and leaves archived companies’ flows out of the export', async () => {
    await expect(importFlowsCsv({ actor: await makeUser('viewer') }, { text: GOOD, dryRun: true })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const old = await addCompany(analyst, { name: 'Csv Old', exposures: [{ layer: 'chips', share: '1' }] });
    await run(csv('Csv Cloud,execution,Csv Old,chips,2020,,1,,,', 'Csv Cloud,execution,Csv Gpu,chips,2020,,1,,,'));
    await bulkUpdateCompanies({ actor: analyst }, { ids: [old.id], action: { kind: 'archive' } });
    const exported = await exportFlowsCsv({ actor: analyst });
    expect(exported).not.toContain('Csv Old');
    expect(exported).toContain('Csv Cloud,execution,Csv Gpu,chips,2020');
  });
});
