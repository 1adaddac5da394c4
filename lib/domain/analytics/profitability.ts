import { LAYERS, type LayerKey } from '../layers';
import { coverageOf, coverageOfBoth, type CoverageOptions } from './coverage';
import { moneyOfTwelfths, ratioOver } from './numbers';
import {
  assertUniqueIds,
  idsOf,
  knownUnique,
  layerMembers,
  layerPool,
  onlyIds,
  sum,
  valuedCompanies,
  type ValuedCompany,
} from './pools';
import type { CompanyYearValue, Coverage } from './types';

export interface ProfitabilityInput {
  /** The same set of companies and year, one array per metric. */
  revenue: readonly CompanyYearValue[];
  capex: readonly CompanyYearValue[];
  operatingIncome: readonly CompanyYearValue[];
}

export interface LayerProfitability {
  key: LayerKey;
  /** Each metric's pool over the companies that have that metric, USD millions. */
  revenue: number;
  capex: number;
  operatingIncome: number;
  /** Capex pool / revenue pool over the companies with both; null when that revenue pool is 0. */
  capexIntensity: number | null;
  /** Operating-income pool / revenue pool over the companies with both: the profit pool's height. */
  operatingMargin: number | null;
  /** The layer's share of the revenue of the companies with both revenue and operating income: the width. */
  revenueShare: number | null;
  /** The layer's companies (share > 0) with both revenue and operating income: those behind width and height. */
  companies: number;
  /**
   * Each ratio's coverage among the layer's companies (share > 0 in either metric's profile): who has both metrics,
   * who does not and why, so a layer whose ratio rests on a few of its companies can say so.
   */
  coverage: LayerRatioCoverage;
}

export interface LayerRatioCoverage {
  revenueAndCapex: Coverage;
  revenueAndOperatingIncome: Coverage;
}

export interface Profitability {
  layers: LayerProfitability[];
  /** Some company counted in a layer, for any of the three metrics, has an estimated value. */
  estimated: boolean;
  /**
   * Each metric's coverage of the set, and the coverage of each ratio: a company missing either of its metrics is
   * left out of it (capex intensity: revenue and capex; the profit pool: revenue and operating income).
   */
  coverage: {
    revenue: Coverage;
    capex: Coverage;
    operatingIncome: Coverage;
    revenueAndCapex: Coverage;
    revenueAndOperatingIncome: Coverage;
  };
}

/** The coverages of a profitability answer, naming as many missing companies as `options` says. */
export function profitabilityCoverage(
  revenue: readonly CompanyYearValue[],
  capex: readonly CompanyYearValue[],
  operatingIncome: readonly CompanyYearValue[],
  options: CoverageOptions = {},
): Profitability['coverage'] {
  return {
    revenue: coverageOf(revenue, options),
    capex: coverageOf(capex, options),
    operatingIncome: coverageOf(operatingIncome, options),
    revenueAndCapex: coverageOfBoth(revenue, capex, options),
    revenueAndOperatingIncome: coverageOfBoth(revenue, operatingIncome, options),
  };
}

/**
 * Each row's layers with share(c, L) > 0, as bits in stack order, read once per shares object (the rows of one
 * company, and of every company on one profile, share theirs). Shares are exact decimal strings in (0, 1], so their
 * sign reads exactly as a number.
 */
function exposureBits(rows: readonly CompanyYearValue[]): Uint8Array {
  const bitsOf = new Map<CompanyYearValue['shares'], number>();
  return Uint8Array.from(rows, ({ shares }) => {
    let bits = bitsOf.get(shares);
    if (bits === undefined)
      bitsOf.set(shares, (bits = LAYERS.reduce((b, { key }, i) => (Number(shares[key] ?? 0) > 0 ? b | (1 << i) : b), 0)));
    return bits;
  });
}

/** One metric's rows read once for `layerRatioCoverages`: each row's company number and its layers' bits. */
interface MetricRows {
  rows: readonly CompanyYearValue[];
  company: Uint32Array;
  bits: Uint8Array;
}

/**
 * Both ratios' coverage per layer in stack order, over the companies exposed to the layer by either metric. Each
 * metric's rows are read once (their companies numbered, their layers as bits), so a layer's members are flags by
 * number rather than a set of ids: at 50,000 companies the sets and their lookups were a quarter of a second of a
 * cold dashboard. The subsets per layer need no duplicate check of their own.
 */
export function layerRatioCoverages(
  revenue: readonly CompanyYearValue[],
  capex: readonly CompanyYearValue[],
  operatingIncome: readonly CompanyYearValue[],
  options: CoverageOptions = {},
): LayerRatioCoverage[] {
  const numbers = new Map<string, number>();
  const numberOf = (id: string) => {
    let n = numbers.get(id);
    if (n === undefined) numbers.set(id, (n = numbers.size));
    return n;
  };
  const [r, c, o] = [revenue, capex, operatingIncome].map((rows): MetricRows => {
    assertUniqueIds(rows);
    return { rows, company: Uint32Array.from(rows, ({ id }) => numberOf(id)), bits: exposureBits(rows) };
  }) as [MetricRows, MetricRows, MetricRows];
  return LAYERS.map((_, i) => {
    const bit = 1 << i;
    const ratioOf = (other: MetricRows) => {
      const member = new Uint8Array(numbers.size);
      for (const m of [r, other]) for (let k = 0; k < m.rows.length; k++) if (m.bits[k]! & bit) member[m.company[k]!] = 1;
      const of = (m: MetricRows) => knownUnique(m.rows.filter((_row, k) => member[m.company[k]!] === 1));
      return coverageOfBoth(of(r), of(other), options);
    };
    return { revenueAndCapex: ratioOf(c), revenueAndOperatingIncome: ratioOf(o) };
  });
}

/**
 * The reference for `yearProfitability` (`./year-aggregates.ts`), which the endpoint answers with and which must
 * equal it. Capex intensity and the profit pool per layer (docs/data-contract.md §5). Each ratio is taken over the companies that have both
 * of its metrics, so a company without capex does not lower a layer's capex intensity. Widths sum to 1 and
 * Σ width × height = the operating-income pool / the revenue pool of the companies with both, summed over layers.
 *
 * A denominator is a revenue pool, never negative (revenue ≥ 0), so "≤ 0" means a layer whose companies
 * have no revenue: the ratio is then null rather than infinite.
 */
export function aggregateProfitability({ revenue, capex, operatingIncome }: ProfitabilityInput): Profitability {
  const revenues = valuedCompanies(revenue);
  const capexes = valuedCompanies(capex);
  const incomes = valuedCompanies(operatingIncome);

  const revenueForCapex = onlyIds(revenues, idsOf(capexes));
  const capexWithRevenue = onlyIds(capexes, idsOf(revenues));
  const revenueForIncome = onlyIds(revenues, idsOf(incomes));
  const incomeWithRevenue = onlyIds(incomes, idsOf(revenues));
  const profitPoolRevenue = sum(LAYERS.map(({ key }) => layerPool(revenueForIncome, key)));

  const inAnyLayer = (companies: readonly ValuedCompany[]) =>
    LAYERS.some(({ key }) => layerMembers(companies, key).some((m) => m.estimated));

  const layerCoverages = layerRatioCoverages(revenue, capex, operatingIncome);
  return {
    layers: LAYERS.map(({ key }, i) => {
      const widthRevenue = layerPool(revenueForIncome, key);
      return {
        key,
        revenue: moneyOfTwelfths(layerPool(revenues, key)),
        capex: moneyOfTwelfths(layerPool(capexes, key)),
        operatingIncome: moneyOfTwelfths(layerPool(incomes, key)),
        capexIntensity: ratioOver(layerPool(capexWithRevenue, key), layerPool(revenueForCapex, key)),
        operatingMargin: ratioOver(layerPool(incomeWithRevenue, key), widthRevenue),
        revenueShare: ratioOver(widthRevenue, profitPoolRevenue),
        companies: layerMembers(revenueForIncome, key).length,
        coverage: layerCoverages[i]!,
      };
    }),
    estimated: [revenues, capexes, incomes].some(inAnyLayer),
    coverage: profitabilityCoverage(revenue, capex, operatingIncome),
  };
}
