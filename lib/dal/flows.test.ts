import { describe, expect, it } from 'vitest';
import { auditFilterSchema } from '@/lib/audit/schema';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, CsvRejectedError, ForbiddenError, NotFoundError, RuleError } from '@/lib/errors';
import { parseFlowBatch } from '@/lib/flows/schema';
import { makeUser } from '@/lib/testing/actors';
import { addCompany, patchCompany } from '@/lib/testing/companies';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { listAuditEvents } from './audit';
import { COMPANY_CSV_COLUMNS, importCompaniesCsv } from './company-csv';
import { bulkUpdateCompanies, deleteCompanyPermanently } from './company-writes';
import { readDataVersion } from './data-version';
import { importExposuresCsv } from './exposure-csv';
import { companyFlowHistory, restoreFlow } from './flow-history';
import { deleteFlow, listFlows, putFlows } from './flows';

/** The batch as the API reads it, then saved. */
const save = (actor: Actor, flows: unknown[]) => putFlows({ actor }, parseFlowBatch({ flows }));
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe.each(TEST_DRIVERS)('flows on %s', (driver) => {
  const database = useFreshDatabase(driver);

  async function setUp() {
    const analyst = await makeUser('analyst');
    const tag = Math.random().toString(36).slice(2, 7);
    const cloud = await addCompany(analyst, {
      name: `Cloud ${tag}`,
      exposures: [
        { layer: 'infrastructure', share: '0.2' },
        { layer: 'execution', share: '0.8' },
      ],
    });
    const gpu = await addCompany(analyst, { name: `Gpu ${tag}`, currency: 'EUR', exposures: [{ layer: 'chips', share: '1' }] });
    const flow = (over: Record<string, unknown> = {}) => ({
      payerId: cloud.id,
      payerLayer: 'execution',
      payeeId: gpu.id,
      payeeLayer: 'chips',
      year: 2024,
      kind: 'reported',
      value: '1190.400000',
      currency: 'USD',
      source: '10-K',
      ...over,
    });
    return { analyst, cloud, gpu, flow };
  }

  it('creates flows, lists them for either company exactly, and saving the same again changes nothing', async () => {
    const { analyst, cloud, gpu, flow } = await setUp();
    const first = await save(analyst, [flow(), flow({ kind: 'estimate', value: 1200 }), flow({ year: 2023, value: '80.1' })]);
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const ofGpu = await listFlows({ actor: analyst }, { company: gpu.id });
    expect(ofGpu.map((f) => [f.year, f.kind, f.value, f.payerName, f.payeeName, f.version])).toEqual([
      [2023, 'reported', '80.1', cloud.name, gpu.name, 1],
      [2024, 'reported', '1190.4', cloud.name, gpu.name, 1],
      [2024, 'estimate', '1200', cloud.name, gpu.name, 1],
    ]);
    expect(await listFlows({ actor: analyst }, { company: cloud.id, year: 2023 })).toEqual([ofGpu[0]]);
    expect(await save(analyst, [flow({ value: '1190.4', version: 1 })])).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it('updates at the version read, and refuses a stale or missing version with the stored flow', async () => {
    const { analyst, flow } = await setUp();
    const [created] = (await save(analyst, [flow()])).flows;
    const updated = await save(analyst, [flow({ value: '1300', version: 1 })]);
    expect(updated).toMatchObject({ updated: 1, flows: [{ id: created!.id, value: '1300', version: 2 }] });
    const stale = (await failure(save(analyst, [flow({ value: '1', version: 1 })]))) as ConflictError;
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ id: created!.id, version: 2, value: '1300' });
    expect(await failure(save(analyst, [flow({ value: '1' })]))).toBeInstanceOf(ConflictError);
  });

  it('refuses every bad flow of a batch at once, by field, and writes nothing', async () => {
    const { analyst, cloud, gpu, flow } = await setUp();
    await save(analyst, [flow({ currency: 'USD' })]);
    const error = (await failure(
      save(analyst, [
        flow({ year: 2025 }),
        flow({ payerLayer: 'models' }),
        flow({ kind: 'estimate', currency: 'EUR' }),
        flow({ payeeId: '00000000-0000-4000-8000-000000000000', year: 2022 }),
      ]),
    )) as RuleError;
    expect(error).toBeInstanceOf(RuleError);
    expect(error.issues).toEqual([
      { path: ['flows', 1, 'payerLayer'], message: `${cloud.name} has no share in the Models layer.` },
      {
        path: ['flows', 2, 'currency'],
        message: 'this flow is in USD (a stored flow); one currency per payer, payee, their layers and year.',
      },
      { path: ['flows', 3, 'payeeId'], message: 'No such company.' },
    ]);
    expect(await listFlows({ actor: analyst }, { company: gpu.id })).toHaveLength(1);
  });

  it('refuses payer = payee, a negative value and a repeated key before reading anything', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const base = {
      payerId: id,
      payerLayer: 'execution',
      payeeId: id,
      payeeLayer: 'chips',
      year: 2024,
      value: '-1',
      currency: 'USD',
    };
    const error = (() => {
      try {
        parseFlowBatch({ flows: [base] });
      } catch (e) {
        return e as RuleError;
      }
    })()!;
    expect(error.issues.map((i) => i.path.join('.'))).toEqual(['flows.0.value', 'flows.0.payeeId']);
  });

  it('deletes at the version read, keeps it in both companies’ history, and restores it once', async () => {
    const { analyst, cloud, gpu, flow } = await setUp();
    const [created] = (await save(analyst, [flow()])).flows;
    expect(await failure(deleteFlow({ actor: analyst }, { id: created!.id }))).toBeInstanceOf(ConflictError);
    expect(await failure(deleteFlow({ actor: analyst }, { id: created!.id, version: 2 }))).toBeInstanceOf(ConflictError);
    await deleteFlow({ actor: analyst }, { id: created!.id, version: 1 });
    expect(await listFlows({ actor: analyst }, { company: cloud.id })).toEqual([]);
    const viewer = await makeUser('viewer');
    const history = await companyFlowHistory({ actor: viewer }, { companyId: gpu.id });
    expect(history.map((h) => [h.action, h.restorable])).toEqual([
      ['flow.delete', true],
      ['flow.create', false],
    ]);
    expect((await companyFlowHistory({ actor: viewer }, { companyId: cloud.id })).map((h) => h.action)).toEqual([
      'flow.delete',
      'flow.create',
    ]);
    await expect(restoreFlow({ actor: viewer }, { eventId: history[0]!.id })).rejects.toBeInstanceOf(ForbiddenError);
    const restored = await restoreFlow({ actor: analyst }, { eventId: history[0]!.id });
    expect(restored).toMatchObject({ id: created!.id, value: '1190.4', version: 2, source: '10-K' });
    expect(await failure(restoreFlow({ actor: analyst }, { eventId: history[0]!.id }))).toBeInstanceOf(ConflictError);
    await expect(restoreFlow({ actor: analyst }, { eventId: 999_999 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lets viewers read and only analysts write', async () => {
    const { cloud, flow } = await setUp();
    const viewer = await makeUser('viewer');
    expect(await listFlows({ actor: viewer }, { company: cloud.id })).toEqual([]);
    await expect(save(viewer, [flow()])).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('takes a layer the company is in only through a profile, and refuses removing that profile while a flow uses it', async () => {
    const { analyst, cloud, gpu, flow } = await setUp();
    // The cloud's base has no chips share; its capex profile buys into chips.
    const profiles = 'company,scope,from_year,infrastructure,chips,data,models,execution,application,outside';
    await importExposuresCsv({ actor: analyst }, { text: `${profiles}\n${cloud.name},capex,,,1,,,,,`, dryRun: false });
    expect(await save(analyst, [flow({ payerLayer: 'chips' })])).toMatchObject({ created: 1 });

    const named = `${cloud.name} (Chips) → ${gpu.name} (Chips), 2024 reported`;
    const removed = (await failure(
      importExposuresCsv({ actor: analyst }, { text: `${profiles}\n${cloud.name},capex,,1,,,,,,`, dryRun: false }),
    )) as CsvRejectedError;
    expect(removed).toBeInstanceOf(CsvRejectedError);
    expect(removed.issues).toEqual([
      expect.objectContaining({ line: 2, column: 'chips', message: expect.stringContaining(named) }),
    ]);
    const patched = (await failure(patchCompany(analyst, cloud.id, { version: cloud.version + 1, profiles: [] }))) as RuleError;
    expect(patched).toBeInstanceOf(RuleError);
    expect(patched.message).toContain(named);
  });

  it('refuses a change of shares that would orphan a flow, by form, bulk action and CSV, naming the flow', async () => {
    const { analyst, cloud, gpu, flow } = await setUp();
    await save(analyst, [flow()]);
    const named = `${cloud.name} (Execution) → ${gpu.name} (Chips), 2024 reported`;
    const patched = (await failure(
      patchCompany(analyst, cloud.id, { version: cloud.version, exposures: [{ layer: 'infrastructure', share: '1' }] }),
    )) as RuleError;
    expect(patched).toBeInstanceOf(RuleError);
    expect(patched.message).toContain(named);
    expect(patched.issues[0]!.path).toEqual(['exposures']);
    const bulk = (await failure(
      bulkUpdateCompanies({ actor: analyst }, { ids: [gpu.id], action: { kind: 'set-layer', layer: 'models' } }),
    )) as RuleError;
    expect(bulk.message).toContain(named);
    const csv = [COMPANY_CSV_COLUMNS.join(','), `${cloud.name},,,public,12,,1,,,,,,,USD,,`].join('\n');
    const rejected = (await failure(importCompaniesCsv({ actor: analyst }, { text: csv, dryRun: true }))) as CsvRejectedError;
    expect(rejected).toBeInstanceOf(CsvRejectedError);
    expect(rejected.issues).toEqual([expect.objectContaining({ column: 'execution', message: expect.stringContaining(named) })]);
    // Keeping the layer (with another share) is fine.
    await patchCompany(analyst, cloud.id, {
      version: cloud.version,
      exposures: [
        { layer: 'infrastructure', share: '0.5' },
        { layer: 'execution', share: '0.5' },
      ],
    });
  });

  it('removes a company’s flows with its permanent delete, auditing each, and every write bumps the data version', async () => {
    const { analyst, cloud, gpu, flow } = await setUp();
    const before = await readDataVersion(database.current().db);
    const [created] = (await save(analyst, [flow()])).flows;
    expect((await readDataVersion(database.current().db)).value).toBe(before.value + 1);
    const admin = await makeUser('admin');
    await deleteCompanyPermanently({ actor: admin }, gpu.id);
    expect(await listFlows({ actor: analyst }, { company: cloud.id })).toEqual([]);
    const events = await listAuditEvents({ actor: admin }, auditFilterSchema.parse({ entity: 'flow' }));
    expect(events.items.filter((e) => e.entityId === created!.id).map((e) => e.action)).toEqual(['flow.delete', 'flow.create']);
    // The payer's history names the flow; with the payee gone it offers no restore.
    expect((await companyFlowHistory({ actor: analyst }, { companyId: cloud.id })).map((h) => [h.action, h.restorable])).toEqual([
      ['flow.delete', false],
      ['flow.create', false],
    ]);
  });
});
