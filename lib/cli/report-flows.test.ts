import { beforeAll, describe, expect, it } from 'vitest';
import { flowsQuerySchema } from '@/lib/analytics/schema';
import type { Actor } from '@/lib/domain/actor';
import { makeUser } from '@/lib/testing/actors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { loadFlowStack } from '@/lib/testing/flow-stack';
import { flowAnalytics } from '../dal/analytics';
import { DomainError } from '../errors';
import { UsageError } from './args';
import { reportFlowsCommand } from './report-flows';

describe.each(TEST_DRIVERS)('stacklens report flows on %s', (driver) => {
  useFreshDatabase(driver);
  let viewer: Actor;
  beforeAll(async () => {
    await loadFlowStack();
    viewer = await makeUser('viewer');
  });

  it('prints each layer’s pool, flows, external and retained value, the totals, the largest flows and what is missing', async () => {
    const text = await reportFlowsCommand({ actor: viewer }, { year: '2024' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Who pays whom by layer, calendar year 2024, USD millions — all companies');
    expect(lines[2]).toMatch(/^Layer\s+Pool\s+Inflow\s+Outflow\s+External\s+Retained\s+Note$/);
    expect(lines[4]).toMatch(/^2 Chips\s+500\.0\s+520\.0\s+0\.0\s+-20\.0\s+500\.0\s+known inflows exceed the pool$/);
    expect(text).toContain(
      'Gross 2,200.0 − internal 1,020.0 (paid between tracked companies, counted twice) = net 1,180.0. Includes estimates.',
    );
    expect(text).toContain('  Cloud (Execution) → Chip (Chips): 400.0\n  App (Application) → Lab (Models): 200.0');
    expect(text).toContain('Coverage: 6 flows included, 1 missing:\n  App → Seoul Memory: no KRW rate for 2024');
  });

  it('prints the answer’s JSON with --json, and refuses bad flags and an unknown list', async () => {
    const json = JSON.parse(await reportFlowsCommand({ actor: viewer }, { year: '2024', list: 'Clouds', json: true }));
    expect(json).toEqual(await flowAnalytics({ actor: viewer }, flowsQuerySchema.parse({ year: '2024', list: 'Clouds' })));
    await expect(reportFlowsCommand({ actor: viewer }, {})).rejects.toBeInstanceOf(UsageError);
    await expect(reportFlowsCommand({ actor: viewer }, { year: 'abc' })).rejects.toThrow(/--year/);
    await expect(reportFlowsCommand({ actor: viewer }, { year: '2024', list: 'Nope' })).rejects.toBeInstanceOf(DomainError);
  });
});
