import { beforeAll, describe, expect, it } from 'vitest';
import { flowsQuerySchema } from '@/lib/analytics/schema';
import type { Actor } from '@/lib/domain/actor';
import type { LayerKey } from '@/lib/domain/layers';
import { ForbiddenError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/actors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { loadFlowStack } from '@/lib/testing/flow-stack';
import { layerFlowsAnalytics } from './layer-flows';

describe.each(TEST_DRIVERS)("a layer's customers and suppliers on %s", (driver) => {
  useFreshDatabase(driver);
  let viewer: Actor;
  beforeAll(async () => {
    await loadFlowStack();
    viewer = await makeUser('viewer');
  });
  const answer = (layer: LayerKey, search: Record<string, string> = {}, actor = viewer) =>
    layerFlowsAnalytics({ actor }, { ...flowsQuerySchema.parse({ year: '2024', ...search }), layer });
  const parties = (top: { name: string; value: number; flows: number }[]) => top.map((t) => `${t.name} ${t.value} (${t.flows})`);

  it('gives the chips layer its payers by layer and by company, as worked by hand (lib/testing/flow-stack.ts)', async () => {
    const chips = await answer('chips');
    expect(chips.customers.byLayer.map((c) => `${c.layer} ${c.value} (${c.flows})`)).toEqual([
      'models 120 (1)',
      'execution 500 (2)',
    ]);
    // f4 + f5 from Cloud, f6 from Lab; f7 pays an archived company, f8 has no KRW rate.
    expect(parties(chips.customers.top)).toEqual(['Cloud 500 (2)', 'Lab 120 (1)']);
    expect(chips.customers).toMatchObject({ total: 620, flows: 3, parties: 2, missingCount: 1 });
    expect(chips.customers.missing).toEqual([{ payer: 'App', payee: 'Seoul Memory', reason: 'no KRW rate for 2024' }]);
    expect(chips.suppliers).toMatchObject({ byLayer: [], top: [], total: 0, flows: 0, parties: 0, missingCount: 0 });
    expect(chips.layer).toMatchObject({ pool: 500, inflow: 520, external: -20, inconsistent: true });
  });

  it('gives the execution layer both sides, ties by name', async () => {
    const execution = await answer('execution');
    expect(execution.customers.byLayer.map((c) => `${c.layer} ${c.value}`)).toEqual(['models 150', 'application 150']);
    expect(parties(execution.customers.top)).toEqual(['App 150 (1)', 'Lab 150 (1)']);
    expect(execution.suppliers.byLayer.map((c) => `${c.layer} ${c.value} (${c.flows})`)).toEqual(['chips 500 (2)']);
    expect(parties(execution.suppliers.top)).toEqual(['Chip 400 (1)', 'Fab 100 (1)']);
    expect(execution.layer).toMatchObject({ pool: 300, outflow: 500, retained: -200 });
  });

  it('follows the filters and the estimates mode', async () => {
    const excluded = await answer('chips', { estimates: 'exclude' });
    expect(parties(excluded.customers.top)).toEqual(['Cloud 500 (2)']);
    // Only Cloud is on the list: the flows it pays or is paid are in scope, Lab → Chip is not.
    const clouds = await answer('chips', { list: 'clouds' });
    expect(parties(clouds.customers.top)).toEqual(['Cloud 500 (2)']);
    expect(clouds.customers.missingCount).toBe(0);
  });

  it('needs a viewer', async () => {
    await expect(answer('chips', {}, { ...viewer, role: 'nobody' as never })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
