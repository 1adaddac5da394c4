import { beforeAll, describe, expect, it } from 'vitest';
import { flowCellQuerySchema, flowsQuerySchema } from '@/lib/analytics/schema';
import type { Actor } from '@/lib/domain/actor';
import { ForbiddenError, RuleError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/actors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { loadFlowStack } from '@/lib/testing/flow-stack';
import { flowAnalytics, flowCellAnalytics } from '.';

type Search = Record<string, string>;

describe.each(TEST_DRIVERS)('/analytics/flows on %s', (driver) => {
  useFreshDatabase(driver);
  let viewer: Actor;
  beforeAll(async () => {
    await loadFlowStack();
    viewer = await makeUser('viewer');
  });
  const flows = (search: Search, actor = viewer) => flowAnalytics({ actor }, flowsQuerySchema.parse(search));
  const cells = (answer: Awaited<ReturnType<typeof flows>>) =>
    answer.matrix.map((m) => `${m.from}→${m.to} ${m.value} (${m.flows})`);
  const layer = (answer: Awaited<ReturnType<typeof flows>>, key: string) => answer.layers.find((l) => l.key === key)!;

  it('answers the matrix, the layers, the totals, the top flows and the coverage as worked by hand', async () => {
    const answer = await flows({ year: '2024' });
    expect(answer).toMatchObject({ year: 2024, currency: 'USD', basis: 'calendar', estimated: true });
    expect(cells(answer)).toEqual([
      'models→chips 120 (1)',
      'models→execution 150 (1)',
      'execution→chips 500 (2)',
      'application→models 200 (1)',
      'application→execution 150 (1)',
    ]);
    expect(answer.layers.map((l) => [l.key, l.pool, l.inflow, l.outflow, l.external, l.retained, l.inconsistent])).toEqual([
      ['infrastructure', 0, 0, 0, 0, 0, false],
      // Fab has no revenue, so f5 is no inflow of chips; f4 + f6 exceed what Chip's shares give it.
      ['chips', 500, 520, 0, -20, 500, true],
      ['data', 0, 0, 0, 0, 0, false],
      ['models', 200, 200, 270, 0, -70, false],
      ['execution', 300, 300, 500, 0, -200, false],
      // f8 has no USD value: it counts nowhere.
      ['application', 1200, 0, 350, 1200, 850, false],
    ]);
    // Internal: f1, f3, f4, f6, f9 (both ends in I); f5's payee has no revenue.
    expect(answer.total).toEqual({ gross: 2200, internal: 1020, net: 1180 });
    // The two flows of 150 tie: App before Lab.
    expect(answer.top.map((t) => `${t.payer.name}→${t.payee.name} ${t.value} ${t.kind}`)).toEqual([
      'Cloud→Chip 400 reported',
      'App→Lab 200 reported',
      'App→Cloud 150 reported',
      'Lab→Cloud 150 estimate',
      'Lab→Chip 120 estimate',
      'Cloud→Fab 100 reported',
    ]);
    expect(answer.coverage).toMatchObject({
      included: 6,
      missingCount: 1,
      missing: [{ payer: { name: 'App' }, payee: { name: 'Seoul Memory' }, code: 'no_fx_rate', reason: 'no KRW rate for 2024' }],
    });
    expect(answer.poolCoverage).toMatchObject({ included: 4, missingCount: 2 });
  });

  it('leaves estimates out with estimates=exclude: a key with only an estimate is dropped, not missing', async () => {
    const answer = await flows({ year: '2024', estimates: 'exclude' });
    expect(answer.estimated).toBe(false);
    expect(cells(answer)).toEqual(['execution→chips 500 (2)', 'application→models 200 (1)', 'application→execution 150 (1)']);
    // Lab's revenue is an estimate: it leaves I, so f1 is no inflow of models and not internal.
    expect(layer(answer, 'models')).toMatchObject({ pool: 0, inflow: 0, outflow: 0 });
    expect(layer(answer, 'application')).toMatchObject({ pool: 1000, outflow: 350, retained: 650 });
    expect(answer.total).toEqual({ gross: 1800, internal: 550, net: 1250 });
    expect(answer.coverage).toMatchObject({ included: 4, missingCount: 1 });
  });

  it('scopes to the flows with a payer or payee in the set', async () => {
    const answer = await flows({ year: '2024', list: 'clouds', basis: 'fiscal' });
    expect(answer.basis).toBe('calendar');
    expect(cells(answer)).toEqual(['models→execution 150 (1)', 'execution→chips 500 (2)', 'application→execution 150 (1)']);
    expect(layer(answer, 'execution')).toMatchObject({ pool: 300, inflow: 300, outflow: 500, external: 0, retained: -200 });
    expect(layer(answer, 'chips')).toMatchObject({ pool: 0, inflow: 0, inconsistent: false });
    expect(answer.total).toEqual({ gross: 300, internal: 0, net: 300 });
    expect(answer.coverage).toEqual({ included: 4, missing: [], missingCount: 0 });
  });

  it('answers a year without flows with pools alone, and refuses bad input naming the field', async () => {
    const answer = await flows({ year: '2022' });
    expect(answer).toMatchObject({ matrix: [], top: [], total: { gross: 0, internal: 0, net: 0 }, estimated: false });
    expect(() => flowsQuerySchema.parse({ year: 'abc' })).toThrow(/year/);
    expect(flowsQuerySchema.safeParse({}).error?.issues[0]?.path).toEqual(['year']);
    await expect(flows({ year: '2024', list: 'Nope' })).rejects.toBeInstanceOf(RuleError);
  });

  it('needs an actor with a role', async () => {
    await expect(flows({ year: '2024' }, { ...viewer, role: 'nobody' as never })).rejects.toBeInstanceOf(ForbiddenError);
  });

  const cell = (search: Search, actor = viewer) => flowCellAnalytics({ actor }, flowCellQuerySchema.parse(search));

  it('lists the flows of each matrix cell, with their sources, summing to the cell', async () => {
    const answer = await flows({ year: '2024' });
    for (const m of answer.matrix) {
      const { items } = await cell({ year: '2024', from: m.from, to: m.to });
      expect(items, `${m.from}→${m.to}`).toHaveLength(m.flows);
      expect(items.reduce((s, i) => s + i.value, 0)).toBeCloseTo(m.value, 6);
    }
    // execution→chips: f4 before f5 by value; the reported f1, not the estimate f2; f8 (no rate) and f7 (archived) nowhere.
    const executionChips = await cell({ year: '2024', from: 'execution', to: 'chips' });
    expect(executionChips).toMatchObject({ year: 2024, basis: 'calendar', from: 'execution', to: 'chips' });
    expect(executionChips.items.map((i) => `${i.payer.name}→${i.payee.name} ${i.value} ${i.kind} ${i.source}`)).toEqual([
      'Cloud→Chip 400 reported f4',
      'Cloud→Fab 100 reported f5',
    ]);
    expect((await cell({ year: '2024', from: 'application', to: 'models' })).items.map((i) => i.source)).toEqual(['f1']);
    expect((await cell({ year: '2024', from: 'application', to: 'chips' })).items).toEqual([]);
    expect((await cell({ year: '2024', from: 'chips', to: 'chips' })).items).toEqual([]);
    // The set filters apply as to the aggregate; estimates=exclude drops f3 (an estimate only).
    expect((await cell({ year: '2024', from: 'models', to: 'execution', estimates: 'exclude' })).items).toEqual([]);
    expect((await cell({ year: '2024', from: 'execution', to: 'chips', list: 'clouds' })).items).toHaveLength(2);
  });

  it('refuses a bad cell naming the field, and needs a role', async () => {
    expect(flowCellQuerySchema.safeParse({ year: '2024', from: 'gpus', to: 'chips' }).error?.issues[0]?.path).toEqual(['from']);
    expect(flowCellQuerySchema.safeParse({ year: '2024', from: 'chips' }).error?.issues[0]?.path).toEqual(['to']);
    expect(flowCellQuerySchema.safeParse({ from: 'chips', to: 'chips' }).error?.issues[0]?.path).toEqual(['year']);
    await expect(cell({ year: '2024', from: 'chips', to: 'chips', list: 'Nope' })).rejects.toBeInstanceOf(RuleError);
    await expect(
      cell({ year: '2024', from: 'chips', to: 'chips' }, { ...viewer, role: 'nobody' as never }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
