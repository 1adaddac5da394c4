import { describe, expect, it } from 'vitest';
import type { LayerKey } from '../layers';
import { chosenFlows, flowsAggregate, type FlowParty, type FlowRecord } from './flows';
import { unvalued, valued } from './test-rows';

const party = (id: string, name: string, archived = false): FlowParty => ({ id, name, archived });
const app = party('a', 'app');
const lab = party('b', 'Lab');
const fab = party('c', 'Fab');
const gone = party('d', 'Gone', true);

let next = 0;
function flow(
  payer: FlowParty,
  payerLayer: LayerKey,
  payee: FlowParty,
  payeeLayer: LayerKey,
  over: Partial<FlowRecord> = {},
): FlowRecord {
  return {
    id: `f${++next}`,
    payer,
    payerLayer,
    payee,
    payeeLayer,
    year: 2024,
    kind: 'reported',
    value: '10',
    currency: 'USD',
    ...over,
  };
}

describe('the flows reference (docs/data-contract.md §9)', () => {
  it('chooses the reported flow of a key over its estimate, and the estimate alone unless estimates are excluded', () => {
    const reported = flow(app, 'application', lab, 'models');
    const estimate = flow(app, 'application', lab, 'models', { kind: 'estimate', value: '12' });
    const alone = flow(lab, 'models', fab, 'chips', { kind: 'estimate' });
    const otherYear = flow(lab, 'models', fab, 'chips', { year: 2023 });
    expect(chosenFlows([estimate, reported, alone, otherYear], 2024, 'include')).toEqual([reported, alone]);
    expect(chosenFlows([estimate, reported, alone, otherYear], 2024, 'exclude')).toEqual([reported]);
  });

  it('works a small stack by hand: exact sums, money rounded once half-even, ties by names case-insensitively', () => {
    // Flows of 0.0000005: each rounds half-even to 0 alone; app's two, summed exactly first, are 0.000001.
    const rows = [
      valued('a', 'app', { application: '1' }, '100'),
      valued('b', 'Lab', { models: '1' }, '0.5'),
      unvalued('c', 'Fab', { chips: '1' }),
    ];
    const answer = flowsAggregate({
      year: 2024,
      estimates: 'include',
      rows,
      flows: [
        flow(app, 'application', lab, 'models', { value: '0.0000005' }),
        flow(app, 'application', lab, 'models', { kind: 'estimate', value: '99' }),
        flow(lab, 'models', fab, 'chips', { value: '0.0000005' }),
        flow(app, 'application', fab, 'chips', { value: '0.0000005', currency: 'EUR' }),
        flow(lab, 'models', gone, 'chips', { value: '5' }),
        flow(fab, 'chips', lab, 'models', { value: '1', currency: 'KRW' }),
      ],
      rate: (currency) => (currency === 'EUR' ? '1' : null),
    });
    expect(answer.matrix).toEqual([
      { from: 'models', to: 'chips', value: 0, flows: 1 },
      { from: 'application', to: 'chips', value: 0, flows: 1 },
      { from: 'application', to: 'models', value: 0, flows: 1 },
    ]);
    expect(answer.layers.find((l) => l.key === 'application')).toMatchObject({
      pool: 100,
      outflow: 0.000001,
      retained: 99.999999,
    });
    // Lab's pool 0.5 less its inflow 0.0000005: 0.4999995, which rounds half-even to 0.5.
    expect(answer.layers.find((l) => l.key === 'models')).toMatchObject({
      pool: 0.5,
      inflow: 0,
      external: 0.5,
      inconsistent: false,
    });
    expect(answer.total).toEqual({ gross: 100.5, internal: 0, net: 100.5 });
    // Equal values: app before Fab before Lab by case-folded name; then the payee.
    expect(answer.top.map((t) => `${t.payer.name}→${t.payee.name}`)).toEqual(['app→Fab', 'app→Lab', 'Lab→Fab']);
    expect(answer.coverage).toEqual({
      included: 3,
      missing: [
        {
          id: expect.any(String),
          payer: { id: 'c', name: 'Fab' },
          payee: { id: 'b', name: 'Lab' },
          code: 'no_fx_rate',
          reason: 'no KRW rate for 2024',
        },
      ],
      missingCount: 1,
    });
    expect(answer.estimated).toBe(false);
  });
});
