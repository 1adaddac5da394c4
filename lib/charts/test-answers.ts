import type { FlowsAnswer, LayerDetailAnswer, LayersAnswer, ProfitabilityAnswer } from '../analytics/query';
import type { MatrixCell, TopFlow } from '../domain/analytics/flows';
import type { LayerAggregate, LayerProfitability } from '../domain/analytics';
import type { Coverage } from '../domain/analytics/types';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { LAYERS, type LayerKey } from '../domain/layers';

/** Test answers for the chart mappers: small, hand-made, with the fields a test does not care about filled in. */

export const FILTERS: ResolvedFilters = {
  year: 2024,
  metric: 'revenue',
  basis: 'calendar',
  list: 'Portfolio',
  estimates: 'include',
  g: 0.5,
  m: 0.5,
};

/** The data version's time every test answer carries. */
export const AS_OF = '2026-01-05T09:30:00.000Z';

/** `included` companies counted, and the named ones missing (`no_figure`, "no <what> for FY2024"). */
export function coverage(included: number, missing: readonly string[] = [], what = 'revenue'): Coverage {
  return {
    included,
    missing: missing.map((name) => ({ id: name.toLowerCase(), name, code: 'no_figure', reason: `no ${what} for FY2024` })),
    missingCount: missing.length,
  };
}

/** A `/layers` answer: every layer empty unless given. */
export function layersAnswer(
  layers: Partial<Record<LayerKey, Partial<LayerAggregate>>>,
  extra: Partial<LayersAnswer> = {},
): LayersAnswer {
  return {
    basis: 'calendar',
    currency: 'USD',
    asOf: AS_OF,
    year: 2024,
    metric: 'revenue',
    total: 0,
    estimated: false,
    coverage: coverage(3, ['Missing Co']),
    layers: LAYERS.map(({ key, name }) => ({
      key,
      name,
      value: 0,
      share: null,
      hhi: null,
      cr3: null,
      effectiveCompanies: null,
      companies: 0,
      missing: 0,
      top: [],
      others: { value: 0, count: 0 },
      ...layers[key],
    })),
    ...extra,
  };
}

/** A `/profitability` answer: every layer empty unless given. */
export function profitabilityAnswer(
  layers: Partial<Record<LayerKey, Partial<LayerProfitability>>>,
  extra: Partial<ProfitabilityAnswer> = {},
): ProfitabilityAnswer {
  return {
    basis: 'calendar',
    currency: 'USD',
    asOf: AS_OF,
    year: 2024,
    estimated: false,
    coverage: {
      revenue: coverage(2),
      capex: coverage(2),
      operatingIncome: coverage(2),
      revenueAndCapex: coverage(2),
      revenueAndOperatingIncome: coverage(2),
    },
    layers: LAYERS.map(({ key }) => ({
      key,
      revenue: 0,
      capex: 0,
      operatingIncome: 0,
      capexIntensity: null,
      operatingMargin: null,
      revenueShare: null,
      companies: 0,
      coverage: { revenueAndCapex: coverage(0), revenueAndOperatingIncome: coverage(0) },
      ...layers[key],
    })),
    ...extra,
  };
}

/** A `/layers/chips` answer for 2024 with the given companies and years. */
export function chipsAnswer(extra: Partial<LayerDetailAnswer>): LayerDetailAnswer {
  return {
    basis: 'calendar',
    currency: 'USD',
    asOf: AS_OF,
    year: 2024,
    metric: 'revenue',
    key: 'chips',
    name: 'Chips',
    value: 0,
    growth: null,
    companies: [],
    coverage: coverage(0),
    estimated: false,
    series: [],
    ...extra,
  };
}

/**
 * A `/flows` answer for 2024 from its matrix and pools: a layer's inflow and outflow are its cells' sums unless
 * given (a payee or payer without revenue is left out of them), and external, retained, inconsistent and the
 * totals follow as docs/data-contract.md §9 defines them.
 */
export function flowsAnswer({
  matrix = [],
  pools = {},
  inflow = {},
  outflow = {},
  internal,
  top = [],
  missing = [],
  estimated = false,
}: {
  matrix?: MatrixCell[];
  pools?: Partial<Record<LayerKey, number>>;
  inflow?: Partial<Record<LayerKey, number>>;
  outflow?: Partial<Record<LayerKey, number>>;
  internal?: number;
  top?: TopFlow[];
  missing?: { payer: string; payee: string; currency: string }[];
  estimated?: boolean;
}): FlowsAnswer {
  const sumOf = (cells: MatrixCell[]) => cells.reduce((s, c) => s + c.value, 0);
  const layers = LAYERS.map(({ key, name }) => {
    const pool = pools[key] ?? 0;
    const inn = inflow[key] ?? sumOf(matrix.filter((m) => m.to === key));
    const out = outflow[key] ?? sumOf(matrix.filter((m) => m.from === key));
    return {
      key,
      name,
      pool,
      inflow: inn,
      outflow: out,
      external: pool - inn,
      retained: pool - out,
      inconsistent: pool - inn < 0,
    };
  });
  const gross = layers.reduce((s, l) => s + l.pool, 0);
  const inner = internal ?? sumOf(matrix);
  return {
    basis: 'calendar',
    currency: 'USD',
    asOf: AS_OF,
    year: 2024,
    estimated,
    matrix,
    layers,
    total: { gross, internal: inner, net: gross - inner },
    top,
    coverage: {
      included: matrix.reduce((s, m) => s + m.flows, 0),
      missing: missing.map((m, i) => ({
        id: `missing-${i}`,
        payer: { id: m.payer.toLowerCase(), name: m.payer },
        payee: { id: m.payee.toLowerCase(), name: m.payee },
        code: 'no_fx_rate' as const,
        reason: `no ${m.currency} rate for 2024`,
      })),
      missingCount: missing.length,
    },
    poolCoverage: coverage(5, ['Missing Co']),
  };
}
