import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { auditFilterSchema } from '@/lib/audit/schema';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import { ForbiddenError } from '@/lib/errors';
import { parse } from 'csv-parse/sync';
import { addCompany, patchCompany } from '@/lib/testing/companies';
import { auditExportQuerySchema } from '@/lib/audit/schema';
import { exportAuditCsv, listAuditEvents, recordAudit, recordAudits } from './audit';
import { getDb } from '@/db/client';

describe.each(TEST_DRIVERS)('the audit log on %s', (driver) => {
  useFreshDatabase(driver);

  it('is for admins only', async () => {
    const analyst = await makeUser('analyst');
    await expect(listAuditEvents({ actor: analyst }, auditFilterSchema.parse({}))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('filters by actor, entity and an inclusive date range, newest first', async () => {
    const admin = { actor: await makeUser('admin') };
    const db = await getDb();
    await recordAudit(db, SYSTEM_ACTOR, { action: 'probe.one', entityType: 'probe', entityId: '1', after: { n: 1 } });
    await recordAudit(db, SYSTEM_ACTOR, {
      action: 'probe.two',
      entityType: 'probe',
      entityId: '2',
      before: { n: 1 },
      after: { n: 2 },
    });
    const today = new Date().toISOString().slice(0, 10);

    const probes = await listAuditEvents(
      admin,
      auditFilterSchema.parse({ entity: 'probe', actor: 'SYST', from: today, to: today }),
    );
    expect(probes.items.map((e) => e.action)).toEqual(['probe.two', 'probe.one']);
    expect(probes.entityTypes).toEqual(expect.arrayContaining(['probe', 'user']));

    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await listAuditEvents(admin, auditFilterSchema.parse({ entity: 'probe', to: yesterday }))).total).toBe(0);
    expect((await listAuditEvents(admin, auditFilterSchema.parse({ actor: '%' }))).total).toBe(0);
  });

  it('records every column of an event by name, with nulls for what it does not give', async () => {
    const admin = { actor: await makeUser('admin') };
    const actor: Actor = {
      userId: admin.actor.userId,
      label: 'columns@test.example',
      role: 'admin',
      via: 'token',
      ip: '203.0.113.7',
    };
    await recordAudit(await getDb(), actor, { action: 'columns.probe', entityType: 'columns' });
    const [event] = (await listAuditEvents(admin, auditFilterSchema.parse({ entity: 'columns' }))).items;
    expect(event).toMatchObject({
      actor: 'columns@test.example',
      action: 'columns.probe',
      entityType: 'columns',
      entityId: null,
      before: null,
      after: null,
      ip: '203.0.113.7',
    });
    expect(Date.now() - Date.parse(event!.at)).toBeLessThan(60_000);
  });

  it('records a batch larger than one statement, in order, in the caller’s transaction', async () => {
    const admin = { actor: await makeUser('admin') };
    const db = await getDb();
    const events = Array.from({ length: 5_001 }, (_, i) => ({
      action: 'batch.probe',
      entityType: 'batch',
      entityId: String(i),
      before: i === 0 ? null : { n: i - 1, text: 'a "quoted" value, with a comma' },
      after: { n: i },
    }));
    await db.transaction((tx) => recordAudits(tx, SYSTEM_ACTOR, events));
    const page = await listAuditEvents(admin, auditFilterSchema.parse({ entity: 'batch' }));
    expect(page.total).toBe(5_001);
    expect(page.items[0]).toMatchObject({ entityId: '5000', before: { n: 4999, text: 'a "quoted" value, with a comma' } });
    expect(page.items.map((e) => e.entityId).slice(0, 3)).toEqual(['5000', '4999', '4998']);

    await expect(
      db.transaction(async (tx) => {
        await recordAudits(tx, SYSTEM_ACTOR, [{ action: 'rolled.back', entityType: 'rollback' }]);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect((await listAuditEvents(admin, auditFilterSchema.parse({ entity: 'rollback' }))).total).toBe(0);
  });

  it('names what each event was about and lists what it changed, before → after', async () => {
    const analyst = await makeUser('analyst');
    const admin = { actor: await makeUser('admin') };
    const company = await addCompany(analyst, { name: 'Audit Named Co', exposures: [{ layer: 'chips', share: '1' }] });
    await patchCompany(analyst, company.id, { version: company.version, name: 'Audit Renamed Co' });
    const figure = {
      id: 'f-1',
      companyId: company.id,
      fiscalYear: 2024,
      fiscalQuarter: null,
      metric: 'revenue',
      kind: 'reported',
    };
    await recordAudit(await getDb(), SYSTEM_ACTOR, {
      action: 'figure.update',
      entityType: 'figure',
      entityId: 'f-1',
      before: { ...figure, value: '100', version: 1 },
      after: { ...figure, value: '120', version: 2 },
    });
    const page = await listAuditEvents(admin, auditFilterSchema.parse({ actor: analyst.label }));
    const rename = page.items.find((e) => e.action === 'company.update')!;
    expect(rename.subject).toBe('Audit Renamed Co');
    expect(rename.changes).toEqual([{ field: 'name', before: 'Audit Named Co', after: 'Audit Renamed Co' }]);
    const [update] = (await listAuditEvents(admin, auditFilterSchema.parse({ entity: 'figure' }))).items;
    expect(update).toMatchObject({
      subject: 'Audit Renamed Co · Revenue reported FY2024',
      changes: [{ field: 'value', before: '100', after: '120' }],
    });
  });

  it('exports the filtered log as CSV for admins only, each event named and its changes spelt out', async () => {
    const analyst = await makeUser('analyst');
    const admin = { actor: await makeUser('admin') };
    const company = await addCompany(analyst, { name: 'Exported Audit Co', exposures: [{ layer: 'data', share: '1' }] });
    await patchCompany(analyst, company.id, { version: company.version, ticker: 'EXAU' });
    await expect(exportAuditCsv({ actor: analyst }, auditExportQuerySchema.parse({}))).rejects.toBeInstanceOf(ForbiddenError);
    const text = await exportAuditCsv(admin, auditExportQuerySchema.parse({ entity: 'company', actor: analyst.label }));
    const [header, ...rows] = parse(text, { bom: true }) as string[][];
    expect(header).toEqual(['at', 'actor', 'action', 'entity_type', 'entity_id', 'subject', 'changes', 'before', 'after', 'ip']);
    const cell = (row: string[], column: string) => row[header!.indexOf(column)];
    expect(rows.map((r) => [cell(r, 'action'), cell(r, 'subject')])).toEqual([
      ['company.update', 'Exported Audit Co'],
      ['company.create', 'Exported Audit Co'],
    ]);
    expect(cell(rows[0]!, 'changes')).toBe('ticker: (none) → EXAU');
    expect(JSON.parse(cell(rows[0]!, 'after')!)).toMatchObject({ ticker: 'EXAU' });
    expect(() => auditExportQuerySchema.parse({ from: 'yesterday' })).toThrow('from must be a date such as 2026-01-31.');
  });

  it('writes nothing for no events', async () => {
    const admin = { actor: await makeUser('admin') };
    const before = (await listAuditEvents(admin, auditFilterSchema.parse({}))).total;
    await recordAudits(await getDb(), SYSTEM_ACTOR, []);
    expect((await listAuditEvents(admin, auditFilterSchema.parse({}))).total).toBe(before);
  });

  it('ignores malformed filters instead of failing', () => {
    expect(auditFilterSchema.parse({ from: 'yesterday', page: '-3', entity: ['a', 'b'] })).toEqual({
      page: 1,
      from: undefined,
      entity: undefined,
      actor: undefined,
      to: undefined,
    });
  });
});
