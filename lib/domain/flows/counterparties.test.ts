import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal';
import { counterparties, type CounterpartyFlowInput } from './counterparties';

/** a / b exactly, then as a number (what a float division can miss in the last digit). */
const over = (a: string, b: string) => new Dec(a).div(b).toNumber();

const CW = 'cw';
let next = 0;
function flow(over: Partial<CounterpartyFlowInput>): CounterpartyFlowInput {
  return {
    id: `f${++next}`,
    payerId: 'ms',
    payerName: 'Microsoft',
    payerLayer: 'infrastructure',
    payeeId: CW,
    payeeName: 'CoreWeave',
    payeeLayer: 'infrastructure',
    year: 2024,
    kind: 'estimate',
    value: '1000',
    currency: 'USD',
    ...over,
  };
}
const rates: Record<string, string> = { EUR: '1.1', KRW: '0.00073' };
const rate = (currency: string) => rates[currency] ?? null;

describe("a company's customers and suppliers (docs/data-contract.md §9)", () => {
  it("gives each customer's USD value and share of the company's calendar revenue, exactly", () => {
    // Hand-worked: 1,192.3 / 1,915.4 = 0.62248…; 0.1 + 0.2 in EUR → 0.33 USD, no float drift.
    const ms = flow({ value: '1192.3' });
    const small = flow({ payerId: 'x', payerName: 'Xai', value: '0.3', currency: 'EUR' });
    const { customers } = counterparties({ companyId: CW, year: 2024, flows: [small, ms], rate, revenue: '1915.4' });
    expect(customers.lines.map((l) => [l.flow.payerName, l.usd, l.shareOfRevenue])).toEqual([
      ['Microsoft', 1192.3, over('1192.3', '1915.4')],
      ['Xai', 0.33, over('0.33', '1915.4')],
    ]);
    expect(customers.total).toBe(1192.63);
    expect(customers.shareOfRevenue).toBe(over('1192.63', '1915.4'));
    expect(customers.lines[0]!.shareOfRevenue).toBe(0.6224809439281612);
  });

  it('has no share when the company has no revenue for the year, or a revenue ≤ 0', () => {
    const flows = [flow({})];
    expect(
      counterparties({ companyId: CW, year: 2024, flows, rate, revenue: null }).customers.lines[0]!.shareOfRevenue,
    ).toBeNull();
    expect(
      counterparties({ companyId: CW, year: 2024, flows, rate, revenue: '0' }).customers.lines[0]!.shareOfRevenue,
    ).toBeNull();
    expect(counterparties({ companyId: CW, year: 2024, flows, rate, revenue: '0' }).customers.shareOfRevenue).toBeNull();
  });

  it('shows a flow in a currency with no rate for the year as missing, with the reason, and counts it nowhere', () => {
    const won = flow({ currency: 'KRW', value: '5' });
    const usd = flow({ payerId: 'y', payerName: 'Yotta', value: '2' });
    const { customers } = counterparties({
      companyId: CW,
      year: 2024,
      flows: [won, usd],
      rate: (c) => (c === 'KRW' ? null : rate(c)),
      revenue: '100',
    });
    expect(customers.lines.map((l) => [l.flow.id, l.usd, l.missing, l.shareOfRevenue])).toEqual([
      [usd.id, 2, null, 0.02],
      [won.id, null, 'no KRW rate for 2024', null],
    ]);
    expect(customers.total).toBe(2);
  });

  it('counts the reported flow of a link over its estimate, listing the estimate as not counted', () => {
    const estimate = flow({ value: '900' });
    const reported = flow({ kind: 'reported', value: '800' });
    const { customers } = counterparties({ companyId: CW, year: 2024, flows: [estimate, reported], rate, revenue: '1600' });
    expect(customers.lines.map((l) => [l.flow.id, l.counted, l.usd, l.shareOfRevenue])).toEqual([
      [reported.id, true, 800, 0.5],
      [estimate.id, false, 900, null],
    ]);
    expect(customers.total).toBe(800);
  });

  it("splits the year's flows into customers (as payee) and suppliers (as payer), with no share for suppliers", () => {
    const bought = flow({ payerId: CW, payerName: 'CoreWeave', payeeId: 'nv', payeeName: 'NVIDIA', payeeLayer: 'chips' });
    const sold = flow({});
    const lastYear = flow({ year: 2023 });
    const result = counterparties({ companyId: CW, year: 2024, flows: [bought, sold, lastYear], rate, revenue: '2000' });
    expect(result.customers.lines.map((l) => l.flow.id)).toEqual([sold.id]);
    expect(result.suppliers.lines.map((l) => [l.flow.id, l.usd, l.shareOfRevenue])).toEqual([[bought.id, 1000, null]]);
    expect(result.suppliers.shareOfRevenue).toBeNull();
  });

  it('orders each side by USD value, largest first, ties by counterpart name case-insensitively', () => {
    const b = flow({ payerId: 'b', payerName: 'beta', value: '5' });
    const a = flow({ payerId: 'a', payerName: 'Alpha', value: '5' });
    const c = flow({ payerId: 'c', payerName: 'Gamma', value: '7' });
    const { customers } = counterparties({ companyId: CW, year: 2024, flows: [b, a, c], rate, revenue: null });
    expect(customers.lines.map((l) => l.flow.payerName)).toEqual(['Gamma', 'Alpha', 'beta']);
    expect(customers.shareOfRevenue).toBeNull();
  });
});
