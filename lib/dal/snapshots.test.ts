import { beforeAll, describe, expect, it } from 'vitest';
import { layersQuerySchema } from '@/lib/analytics/schema';
import type { Actor } from '@/lib/domain/actor';
import { ForbiddenError, RuleError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/actors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { loadSmallStack } from '@/lib/testing/small-stack';
import { freezeSnapshotSchema } from '@/lib/snapshots/schema';
import { companyFilterSchema } from '@/lib/companies/filter';
import { layerAnalytics } from './analytics';
import { listCompanies } from './companies';
import { deleteCompanyPermanently } from './company-writes';
import { importFiguresCsv } from './figure-csv';
import { compareSnapshot, deleteSnapshot, freezeSnapshot, getSnapshot, listSnapshots } from './snapshots';

const freeze = async (actor: Actor, body: Record<string, unknown>) => freezeSnapshot({ actor }, freezeSnapshotSchema.parse(body));

describe.each(TEST_DRIVERS)('snapshots on %s', (driver) => {
  useFreshDatabase(driver);
  let viewer: Actor;
  let analyst: Actor;
  let admin: Actor;
  beforeAll(async () => {
    await loadSmallStack();
    [viewer, analyst, admin] = await Promise.all([makeUser('viewer'), makeUser('analyst'), makeUser('admin')]);
  });

  it('keeps the answers it froze through a figure edit and a company deletion, and compares them with today', async () => {
    const frozen = await freeze(analyst, { name: 'Q3 IC memo', search: 'year=2024&g=0.4' });
    expect(frozen).toMatchObject({ name: 'Q3 IC memo', createdBy: analyst.label, search: 'year=2024&g=0.4', charts: null });
    expect(frozen.filters).toMatchObject({ year: 2024, metric: 'revenue', g: 0.4 });
    const live = await layerAnalytics({ actor: viewer }, layersQuerySchema.parse({ year: '2024' }));
    const stored = await getSnapshot({ actor: viewer }, frozen.id);
    // The stored answers are the API's, of one data version.
    expect(stored.answers.layers).toEqual(live);
    expect(stored.asOf).toBe(live.asOf);
    expect(new Set(Object.values(stored.answers).map((a) => a.asOf))).toEqual(new Set([live.asOf]));
    expect(stored.answers.gap.g).toBe(0.4);
    expect(stored.answers.series.years.at(-1)!.year).toBe(2024);

    // Chipco's 2024 revenue goes from 100 to 150: chips 215 → 265 today; the snapshot keeps 215.
    await importFiguresCsv(
      { actor: analyst },
      {
        text: 'company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note\nChipco,2024,,revenue,,150,,,',
        dryRun: false,
      },
    );
    const comparison = await compareSnapshot({ actor: viewer }, frozen.id);
    const chips = comparison.layers.find((l) => l.key === 'chips')!;
    expect(chips.metrics.revenue).toEqual({ then: 215, now: 265, change: 50 });
    expect(chips.metrics.capex).toEqual({ then: 10, now: 10, change: 0 });
    expect(comparison.changesCount).toBe(1);
    expect(comparison.changes[0]).toMatchObject({ actor: analyst.label, action: 'figure.import_update' });
    expect(comparison.changes[0]!.subject).toContain('Chipco');
    expect(comparison.changes[0]!.changes).toContain('value: 100 → 150');
    expect(comparison.asOf > stored.asOf).toBe(true);

    const { items } = await listCompanies({ actor: admin }, companyFilterSchema.parse({ q: 'Hyper' }));
    await deleteCompanyPermanently({ actor: admin }, items[0]!.id);
    expect((await getSnapshot({ actor: viewer }, frozen.id)).answers).toEqual(stored.answers);
    expect((await listSnapshots({ actor: viewer })).map((s) => s.id)).toContain(frozen.id);
  });

  it('lets analysts freeze, viewers read, and only admins delete; refuses an unknown list naming it', async () => {
    await expect(freeze(viewer, { name: 'Not mine to take' })).rejects.toBeInstanceOf(ForbiddenError);
    const frozen = await freeze(analyst, { name: 'Default year', charts: ['layer-pools'] });
    expect(frozen.charts).toEqual(['layer-pools']);
    await expect(deleteSnapshot({ actor: analyst }, frozen.id)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteSnapshot({ actor: admin }, frozen.id);
    expect((await listSnapshots({ actor: viewer })).map((s) => s.id)).not.toContain(frozen.id);

    const unknown = (await freeze(analyst, { name: 'Nowhere', search: 'list=Nowhere' }).catch((e: unknown) => e)) as RuleError;
    expect(unknown).toBeInstanceOf(RuleError);
    expect(unknown.issues).toEqual([{ path: ['list'], message: 'No list named “Nowhere”.' }]);
    expect(() => freezeSnapshotSchema.parse({ name: 'x'.repeat(201) })).toThrow(/at most 200/);
    expect((await listSnapshots({ actor: viewer })).map((s) => s.name)).not.toContain('Nowhere');
  });
});
