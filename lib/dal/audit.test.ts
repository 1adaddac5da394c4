import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { ForbiddenError } from '@/lib/errors';
import { auditFilterSchema, listAuditEvents, recordAudit } from './audit';
import { getDb } from '@/db/client';

describe.each(TEST_DRIVERS)('the audit log on %s', (driver) => {
  useFreshDatabase(driver);

  it('is for admins only', async () => {
    const analyst = await makeUser('analyst');
    await expect(listAuditEvents(analyst, auditFilterSchema.parse({}))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('filters by actor, entity and an inclusive date range, newest first', async () => {
    const admin = await makeUser('admin');
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
