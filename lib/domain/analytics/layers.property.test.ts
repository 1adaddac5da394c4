import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDecimal, Dec } from '../decimal';
import { LAYER_KEYS, type LayerKey } from '../layers';
import { aggregateLayers, layerPools } from './layers';
import { unvalued, valued } from './test-rows';
import type { CompanyYearValue } from './types';

/**
 * Shares in hundredths summing to at most 1, and values in hundredths up to 1e6 (revenue and capex are ≥ 0). With
 * k also in hundredths, every attributed value, pool, square and product below stays well within Dec's 40
 * significant digits, so scaling is exact and the comparisons can be exact too.
 */
const hundredths = (n: number | bigint) => canonicalDecimal(new Dec(n.toString()).div(100));
const shares = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 6 }).map((weights) => {
  const total = weights.reduce((s, w) => s + w, 0);
  const scaled = total <= 100 ? weights : weights.map((w) => Math.floor((w * 100) / total));
  const result: Partial<Record<LayerKey, string>> = {};
  LAYER_KEYS.forEach((key, i) => {
    const w = scaled[i] ?? 0;
    if (w > 0) result[key] = hundredths(w);
  });
  return result;
});
const row = fc.record({
  shares,
  value: fc.option(fc.bigInt({ min: 0n, max: 10n ** 8n }).map(hundredths), { nil: null, freq: 5 }),
  estimated: fc.boolean(),
});
const rows = fc.array(row, { maxLength: 12 }).map((companies) =>
  companies.map(({ shares, value, estimated }, i): CompanyYearValue => {
    // Few distinct names, so ties in value and name both occur.
    const name = ['Alpha', 'alpha', 'Beta', 'Élan'][i % 4] ?? '';
    return value === null ? unvalued(`c${i}`, name, shares) : valued(`c${i}`, name, shares, value, { estimated });
  }),
);
const factor = fc.integer({ min: 1, max: 100_000 }).map(hundredths);
const metric = fc.constantFrom('revenue' as const, 'capex' as const);

describe('aggregateLayers properties', () => {
  it('scaling every value by k > 0 scales every pool and top value by k and changes no share, HHI, CR3 or ranking', () => {
    fc.assert(
      fc.property(rows, factor, metric, (companies, k, m) => {
        const scaled = companies.map((c) =>
          c.twelfths === null ? c : { ...c, twelfths: canonicalDecimal(new Dec(c.twelfths).times(k)) },
        );
        const before = aggregateLayers(companies, m, { top: 2 });
        const after = aggregateLayers(scaled, m, { top: 2 });
        const times = (v: number) => new Dec(v).times(k).toNumber();
        expect(after.total).toBe(times(before.total));
        expect(after.coverage).toEqual(before.coverage);
        after.layers.forEach((layer, i) => {
          const was = before.layers[i];
          if (!was) throw new Error('a layer went missing');
          expect(layer.value).toBe(times(was.value));
          expect(layer.others.value).toBe(times(was.others.value));
          expect(layer.top.map((t) => t.value)).toEqual(was.top.map((t) => times(t.value)));
          const ratios = ({ share, hhi, cr3, effectiveCompanies, companies, top, others }: typeof layer) => ({
            ...{ share, hhi, cr3, effectiveCompanies, companies, count: others.count },
            top: top.map((t) => [t.id, t.share]),
          });
          expect(ratios(layer)).toEqual(ratios(was));
        });
      }),
    );
  });

  it('layer shares sum to 1 when the total is above 0, and are all null otherwise', () => {
    fc.assert(
      fc.property(rows, metric, (companies, m) => {
        const result = aggregateLayers(companies, m);
        const shares = result.layers.map((l) => l.share);
        if (result.total > 0) expect(shares.reduce<number>((s, x) => s + (x ?? Number.NaN), 0)).toBeCloseTo(1, 12);
        else expect(shares.every((s) => s === null)).toBe(true);
      }),
    );
  });

  it('HHI lies between 10,000 / n and 10,000, CR3 in (0, 1], and the effective number between 1 and n', () => {
    fc.assert(
      fc.property(rows, metric, (companies, m) => {
        const result = aggregateLayers(companies, m, { top: 12 });
        for (const layer of result.layers) {
          const n = layer.top.filter((t) => new Dec(companies.find((c) => c.id === t.id)?.twelfths ?? 0).gt(0)).length;
          if (n === 0) {
            expect([layer.hhi, layer.cr3, layer.effectiveCompanies]).toEqual([null, null, null]);
            continue;
          }
          if (layer.hhi === null || layer.cr3 === null || layer.effectiveCompanies === null)
            throw new Error(`${layer.key} has ${n} companies with a positive value but no concentration`);
          const slack = 1e-9;
          expect(layer.hhi).toBeGreaterThanOrEqual(10_000 / n - slack);
          expect(layer.hhi).toBeLessThanOrEqual(10_000 + slack);
          expect(layer.cr3).toBeGreaterThan(0);
          expect(layer.cr3).toBeLessThanOrEqual(1 + slack);
          expect(layer.effectiveCompanies).toBeGreaterThanOrEqual(1 - slack);
          expect(layer.effectiveCompanies).toBeLessThanOrEqual(n + slack);
          if (n <= 3) expect(layer.cr3).toBe(1);
        }
      }),
    );
  });

  it('top and others hold every company of the layer once, top ranked by value', () => {
    fc.assert(
      fc.property(rows, metric, fc.integer({ min: 0, max: 6 }), (companies, m, top) => {
        for (const layer of aggregateLayers(companies, m, { top }).layers) {
          expect(layer.top.length).toBe(Math.min(top, layer.companies));
          expect(layer.top.length + layer.others.count).toBe(layer.companies);
          layer.top.slice(1).forEach((t, i) => expect(t.value).toBeLessThanOrEqual(layer.top[i]?.value ?? Number.NaN));
        }
      }),
    );
  });

  it('layerPools gives the same total, pools, estimates flag and coverage as aggregateLayers', () => {
    fc.assert(
      fc.property(rows, (companies) => {
        const full = aggregateLayers(companies, 'revenue');
        expect(layerPools(companies)).toEqual({
          total: full.total,
          estimated: full.estimated,
          layers: full.layers.map((l) => ({ key: l.key, value: l.value })),
          coverage: full.coverage,
        });
      }),
    );
  });
});
