import { beforeAll, describe, expect, it } from 'vitest';
import { layersQuerySchema } from '@/lib/analytics/schema';
import type { Actor } from '@/lib/domain/actor';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { loadSmallStack } from '@/lib/testing/small-stack';
import { layerAnalytics } from '../dal/analytics';
import { DomainError } from '../errors';
import { UsageError } from './args';
import { reportCommand } from './report';

describe.each(TEST_DRIVERS)('stacklens report on %s', (driver) => {
  useFreshDatabase(driver);
  let viewer: Actor;
  beforeAll(async () => {
    await loadSmallStack();
    viewer = await makeUser('viewer');
  });

  it('prints the layer table with the total, the gross-total caveat and every missing company', async () => {
    const table = await reportCommand({ actor: viewer }, { year: '2024' });
    const lines = table.split('\n');
    expect(lines[0]).toBe('Revenue by layer, calendar year 2024, USD millions — all companies');
    expect(lines[2]).toMatch(/^Layer\s+USD m\s+Share\s+Companies\s+HHI\s+CR3\s+Eff\. n\s+Largest$/);
    expect(lines[4]).toMatch(/^2 Chips\s+215\.0\s+19\.8%\s+2\s+5024\s+100\.0%\s+2\.0\s+Jan Co \(115\.0\)$/);
    expect(lines[5]).toMatch(/^3 Data\s+0\.0\s+0\.0%\s+0\s+—\s+—\s+—\s+—$/);
    expect(table).toContain("Total 1,085.0 (gross: one layer's revenue is often another's spend). Includes estimates.");
    expect(table).toContain(
      'Coverage: 4 included, 2 missing:\n  Gap Co: no revenue for FY2024\n  Taiwan Fab: no TWD rate for 2024',
    );
  });

  it('prints the JSON of /api/v1/analytics/layers with --json, and leaves concentration out for operating income', async () => {
    const json = JSON.parse(await reportCommand({ actor: viewer }, { year: '2024', list: 'Portfolio', json: true }));
    expect(json).toEqual(await layerAnalytics({ actor: viewer }, layersQuerySchema.parse({ year: '2024', list: 'Portfolio' })));
    const table = await reportCommand({ actor: viewer }, { year: '2024', metric: 'operating_income' });
    expect(table.split('\n')[2]).toMatch(/^Layer\s+USD m\s+Share\s+Companies\s+Largest$/);
  });

  it('refuses bad parameters as usage errors and an unknown list as a failure', async () => {
    await expect(reportCommand({ actor: viewer }, {})).rejects.toThrow(new UsageError('--year is required.'));
    await expect(reportCommand({ actor: viewer }, { year: '2024', metric: 'profit' })).rejects.toBeInstanceOf(UsageError);
    await expect(reportCommand({ actor: viewer }, { year: '2024', basis: 'weekly' })).rejects.toThrow(
      '--basis: basis is calendar or fiscal.',
    );
    const unknown = await reportCommand({ actor: viewer }, { year: '2024', list: 'Nope' }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(DomainError);
    expect((unknown as Error).message).toBe('No list named “Nope”.');
  });
});
