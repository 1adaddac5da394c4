import type { Metric } from '../figures/types';
import { LAYER_KEYS, LAYERS, type LayerKey } from '../layers';
import { NO_CONCENTRATION, type Concentration } from './concentration';
import { coverageOf, type CoverageOptions } from './coverage';
import type { PoolGrowth } from './growth';
import type { LayerDetail } from './layer-detail';
import type { LayersAggregate, TopCompany } from './layers';
import { ratio, ratioOver } from './numbers';
import { layerRatioCoverages, profitabilityCoverage, type Profitability } from './profitability';
import { compareByName, firstInOrder } from './order';
import { assertUniqueIds, exact, knownUnique } from './pools';
import { absOf, decimalPlaces, fromScaled, moneyOfScaledTwelfths, toScaled } from './scaled';
import type { CompanyYearValue } from './types';

/**
 * The aggregates the analytics endpoints answer (docs/data-contract.md §5), computed in one pass per year over
 * exact scaled integers (`./scaled.ts`). They equal the reference functions (`aggregateLayers`, `layerPools`,
 * `poolGrowth`, `aggregateProfitability`), which stay the oracle: those re-read and re-multiply every row per layer and per question in
 * decimal.js, which took most of a 20-year series at 10,000 companies (bench/).
 */

/** A company with a value in one year: a(c, L) per layer in stack order, null where share(c, L) is not > 0. */
interface Attributed {
  id: string;
  name: string;
  estimated: boolean;
  /** 12 × v(c) (`CompanyYearValue.twelfths`) at the answer's value scale. */
  twelfths: bigint;
  /**
   * share(c, L) > 0 with their layers, shared by the rows with the same shares object: a(c, L) = share × value is
   * multiplied where it is read (`amountOf`), since keeping every product made most of the answer's garbage.
   */
  shares: ScaledShares;
  /** The row itself, for what a layer page shows of it beyond the amounts (its share text, its profile). */
  row: CompanyYearValue;
}

/** One year's rows, read once. */
export interface PreparedYear {
  rows: readonly CompanyYearValue[];
  /** The companies with a value, in input order. */
  valued: Attributed[];
  ids: ReadonlySet<string>;
  /** Per layer in stack order: companies of the set with share(c, L) > 0 and no value. */
  missing: number[];
  /** Per layer in stack order: the rows with share(c, L) > 0, valued or not, whose coverage a one-layer answer gives. */
  exposed: (readonly CompanyYearValue[])[];
}

/**
 * The years of one answer, every amount at one scale (so years compare without alignment) and in twelfths, 12 × USD
 * millions: a pool is divided by 12 only as it is output (`moneyOfScaledTwelfths`), and a ratio of two needs no
 * division.
 */
export interface PreparedYears {
  scale: number;
  /** How many missing companies the answer's coverage names. */
  coverage: CoverageOptions;
  year(year: number): PreparedYear;
}

const NO_ROWS: readonly CompanyYearValue[] = [];

/** Reads every year's rows once: values and shares parsed, a(c, L) = share × value multiplied, exactly. */
export function prepareYears(
  byYear: ReadonlyMap<number, readonly CompanyYearValue[]>,
  coverage: CoverageOptions = {},
): PreparedYears {
  const { valueScale, shareScale, sharesOf } = readScales(byYear);
  const years = new Map<number, PreparedYear>();
  return {
    scale: valueScale + shareScale,
    coverage,
    year: (year) => {
      let prepared = years.get(year);
      if (!prepared) years.set(year, (prepared = prepareYear(byYear.get(year) ?? NO_ROWS, valueScale, sharesOf)));
      return prepared;
    },
  };
}

type Shares = CompanyYearValue['shares'];

/** A row's shares greater than 0 at the answer's share scale, in stack order, each with its layer's index. */
type ScaledShares = readonly { layer: number; share: bigint }[];

/** The most decimal places of any value, and each row's shares (`readShares`): every amount is held at their sum. */
function readScales(byYear: ReadonlyMap<number, readonly CompanyYearValue[]>) {
  let valueScale = 0;
  const distinct = new Set<Shares>();
  for (const rows of byYear.values())
    for (const row of rows) {
      if (row.twelfths !== null) valueScale = Math.max(valueScale, decimalPlaces(row.twelfths));
      distinct.add(row.shares);
    }
  return { valueScale, ...readShares(distinct) };
}

/**
 * The most decimal places of any share, and each shares object's shares at that scale. They are read once per
 * object, not per row — the rows of one company (and of every company on one profile) share theirs — and each
 * distinct text is parsed once.
 */
function readShares(distinct: ReadonlySet<Shares>) {
  let shareScale = 0;
  for (const shares of distinct)
    for (const key of LAYER_KEYS) shareScale = Math.max(shareScale, decimalPlaces(shares[key] ?? ''));
  const byText = new Map<string, bigint>();
  const shareOf = (text: string) => {
    let share = byText.get(text);
    if (share === undefined) byText.set(text, (share = toScaled(text, shareScale)));
    return share;
  };
  const scaled = new Map<Shares, ScaledShares>();
  for (const shares of distinct)
    scaled.set(
      shares,
      LAYER_KEYS.flatMap((key, layer) => {
        const text = shares[key];
        const share = text === undefined ? 0n : shareOf(text);
        return share > 0n ? [{ layer, share }] : [];
      }),
    );
  return { shareScale, sharesOf: (shares: Shares) => scaled.get(shares)! };
}

/**
 * One year's rows read once: per row its value parsed, and one step per layer it has a share of (its shares object
 * read beforehand), with no array of its own. At 10,000 companies × 8 years the per-row arrays, closures and share
 * lookups were most of the time and garbage (bench/values-path.ts).
 */
function prepareYear(
  rows: readonly CompanyYearValue[],
  valueScale: number,
  sharesOf: (shares: Shares) => ScaledShares,
): PreparedYear {
  assertUniqueIds(rows);
  const valued: Attributed[] = [];
  const ids = new Set<string>();
  const missing = LAYER_KEYS.map(() => 0);
  const exposed = LAYER_KEYS.map((): CompanyYearValue[] => []);
  for (const row of rows) {
    const twelfths = row.twelfths === null ? null : toScaled(row.twelfths, valueScale);
    const shares = sharesOf(row.shares);
    for (const { layer } of shares) {
      exposed[layer]!.push(row);
      if (twelfths === null) missing[layer]! += 1;
    }
    if (twelfths === null) continue;
    valued.push({ id: row.id, name: row.name, estimated: row.estimated, twelfths, shares, row });
    ids.add(row.id);
  }
  return { rows, valued, ids, missing, exposed: exposed.map(knownUnique) };
}

/** a(c, L) = share × value for the layer at `layer` in stack order, exactly; null where share(c, L) is not > 0. */
function amountOf(company: Attributed, layer: number): bigint | null {
  for (const { layer: l, share } of company.shares) if (l === layer) return share * company.twelfths;
  return null;
}

type LayerMember = { company: Attributed; amount: bigint };

/** The companies with an a(c, L) in the layer at `layer`, each with it. */
function layerMembers(companies: readonly Attributed[], layer: number): LayerMember[] {
  return companies.flatMap((company) => {
    const amount = amountOf(company, layer);
    return amount === null ? [] : [{ company, amount }];
  });
}

/** P(L) for every layer over the given companies, in stack order. */
function poolsOf(companies: Iterable<Attributed>): bigint[] {
  const pools = LAYERS.map(() => 0n);
  for (const { twelfths, shares } of companies) for (const { layer, share } of shares) pools[layer]! += share * twelfths;
  return pools;
}

const sumOf = (values: readonly bigint[]) => values.reduce((s, v) => s + v, 0n);

/** Some company counted in a layer (a value and a share > 0) has an estimated value. */
function anyEstimated(companies: readonly Attributed[]): boolean {
  return companies.some((c) => c.estimated && c.shares.length > 0);
}

/** Each layer's pool, the gross total, the estimates flag and coverage: `layerPools`'s answer. */
export function yearPools(years: PreparedYears, year: number) {
  const { rows, valued } = years.year(year);
  const pools = poolsOf(valued);
  return {
    total: moneyOfScaledTwelfths(sumOf(pools), years.scale),
    estimated: anyEstimated(valued),
    layers: LAYERS.map(({ key }, i) => ({ key, value: moneyOfScaledTwelfths(pools[i]!, years.scale) })),
    coverage: coverageOf(rows, years.coverage),
  };
}

/** P(L) for every layer in stack order, exactly (scaled twelfths at `years.scale`), and whether an estimate counts in them. */
export function yearPoolAmounts(years: PreparedYears, year: number): { pools: bigint[]; scale: number; estimated: boolean } {
  const { valued } = years.year(year);
  return { pools: poolsOf(valued), scale: years.scale, estimated: anyEstimated(valued) };
}

/** Like-for-like growth of each pool from `year − 1` to `year`: `poolGrowth`'s answer. */
export function yearGrowth(years: PreparedYears, year: number): PoolGrowth {
  const before = years.year(year - 1);
  const after = years.year(year);
  const comparedAfter = after.valued.filter((c) => before.ids.has(c.id));
  const was = poolsOf(before.valued.filter((c) => after.ids.has(c.id)));
  const is = poolsOf(comparedAfter);
  const growth = (w: bigint, i: bigint) => ratioOver(fromScaled(i - w, years.scale), fromScaled(w, years.scale));
  return {
    total: growth(sumOf(was), sumOf(is)),
    layers: LAYERS.map(({ key }, i) => ({ key, growth: growth(was[i]!, is[i]!) })),
    companies: comparedAfter.length,
  };
}

type Member = { id: string; name: string; amount: bigint };

const byAmount = (a: Member, b: Member) => (a.amount === b.amount ? 0 : a.amount > b.amount ? -1 : 1);

/** Concentration among the members with a > 0 (docs/data-contract.md §5), as `concentrationOf` computes it. */
function concentrationOf(members: readonly Member[], scale: number): Concentration {
  const positive = members.filter((m) => m.amount > 0n);
  if (positive.length === 0) return NO_CONCENTRATION;
  const total = sumOf(positive.map((m) => m.amount));
  const sumOfSquares = sumOf(positive.map((m) => m.amount * m.amount));
  const top3 = sumOf(firstInOrder(positive, 3, byAmount).map((m) => m.amount));
  const squares = (v: bigint) => fromScaled(v, 2 * scale);
  return {
    hhi: ratio(
      squares(sumOfSquares)
        .times(10_000)
        .div(squares(total * total)),
    ),
    cr3: ratio(fromScaled(top3, scale).div(fromScaled(total, scale))),
    effectiveCompanies: ratio(squares(total * total).div(squares(sumOfSquares))),
  };
}

/** One year's pools, shares, concentration and top companies: `aggregateLayers`'s answer. */
export function yearLayers(
  years: PreparedYears,
  year: number,
  metric: Metric,
  { top = 5 }: { top?: number } = {},
): LayersAggregate {
  if (!Number.isInteger(top) || top < 0) throw new RangeError(`top must be a whole number ≥ 0, not ${top}`);
  const { rows, valued, missing } = years.year(year);
  const { scale } = years;
  const pools = poolsOf(valued);
  const total = sumOf(pools);
  const magnitude = metric === 'operating_income' ? absOf : (a: bigint) => a;
  const byRank = (a: Member, b: Member) => {
    const x = magnitude(a.amount);
    const y = magnitude(b.amount);
    return x === y ? compareByName(a, b) : x > y ? -1 : 1;
  };
  const amount = (a: bigint) => fromScaled(a, scale);
  const money = (a: bigint) => moneyOfScaledTwelfths(a, scale);

  return {
    total: money(total),
    estimated: anyEstimated(valued),
    layers: LAYERS.map((layer, i) => {
      const members = valued.flatMap((c): Member[] => {
        const a = amountOf(c, i);
        return a === null ? [] : [{ id: c.id, name: c.name, amount: a }];
      });
      const pool = pools[i]!;
      const ranked = firstInOrder(members, top, byRank);
      const topCompanies = ranked.map((m): TopCompany => ({
        id: m.id,
        name: m.name,
        value: money(m.amount),
        share: ratioOver(amount(m.amount), amount(pool)),
      }));
      return {
        key: layer.key,
        name: layer.name,
        value: money(pool),
        share: ratioOver(amount(pool), amount(total)),
        ...(metric === 'operating_income' ? NO_CONCENTRATION : concentrationOf(members, scale)),
        companies: members.length,
        missing: missing[i]!,
        top: topCompanies,
        others: {
          value: money(pool - sumOf(ranked.map((m) => m.amount))),
          count: members.length - ranked.length,
        },
      };
    }),
    coverage: coverageOf(rows, years.coverage),
  };
}

/** The companies of `companies` that also have a value in `other`. */
const alsoIn = (companies: readonly Attributed[], other: PreparedYear) => companies.filter((c) => other.ids.has(c.id));

/** Members (a(c, L) present) per layer over the given companies, in stack order. */
function membersOf(companies: readonly Attributed[]): number[] {
  const counts = LAYERS.map(() => 0);
  for (const { shares } of companies) for (const { layer } of shares) counts[layer]! += 1;
  return counts;
}

/** Capex intensity and the profit pool per layer for one year: `aggregateProfitability`'s answer. */
export function yearProfitability(
  metrics: { revenue: PreparedYears; capex: PreparedYears; operatingIncome: PreparedYears },
  year: number,
): Profitability {
  const [revenue, capex, income] = [metrics.revenue, metrics.capex, metrics.operatingIncome].map((m) => m.year(year)) as [
    PreparedYear,
    PreparedYear,
    PreparedYear,
  ];
  const amount = (years: PreparedYears) => (a: bigint) => fromScaled(a, years.scale);
  const [ofRevenue, ofCapex, ofIncome] = [amount(metrics.revenue), amount(metrics.capex), amount(metrics.operatingIncome)];
  const money = (years: PreparedYears) => (a: bigint) => moneyOfScaledTwelfths(a, years.scale);
  const revenuePools = poolsOf(revenue.valued);
  const capexPools = poolsOf(capex.valued);
  const incomePools = poolsOf(income.valued);
  const revenueForCapex = poolsOf(alsoIn(revenue.valued, capex));
  const capexWithRevenue = poolsOf(alsoIn(capex.valued, revenue));
  const revenueWithIncome = alsoIn(revenue.valued, income);
  const revenueForIncome = poolsOf(revenueWithIncome);
  const incomeWithRevenue = poolsOf(alsoIn(income.valued, revenue));
  const profitPoolRevenue = sumOf(revenueForIncome);
  const companies = membersOf(revenueWithIncome);
  const layerCoverages = layerRatioCoverages(revenue.rows, capex.rows, income.rows, metrics.revenue.coverage);

  return {
    layers: LAYERS.map(({ key }, i) => ({
      key,
      revenue: money(metrics.revenue)(revenuePools[i]!),
      capex: money(metrics.capex)(capexPools[i]!),
      operatingIncome: money(metrics.operatingIncome)(incomePools[i]!),
      capexIntensity: ratioOver(ofCapex(capexWithRevenue[i]!), ofRevenue(revenueForCapex[i]!)),
      operatingMargin: ratioOver(ofIncome(incomeWithRevenue[i]!), ofRevenue(revenueForIncome[i]!)),
      revenueShare: ratioOver(ofRevenue(revenueForIncome[i]!), ofRevenue(profitPoolRevenue)),
      companies: companies[i]!,
      coverage: layerCoverages[i]!,
    })),
    estimated: [revenue, capex, income].some((y) => anyEstimated(y.valued)),
    coverage: profitabilityCoverage(revenue.rows, capex.rows, income.rows, metrics.revenue.coverage),
  };
}

/** One layer in one year, as a layer page's pool-over-time chart shows it: `layerDetail`'s totals without its table. */
export function yearLayer(years: PreparedYears, year: number, key: LayerKey) {
  const i = layerIndex(key);
  const { pool, companies, estimated } = yearLayerPool(years, year, i);
  return {
    value: moneyOfScaledTwelfths(pool, years.scale),
    growth: yearGrowth(years, year).layers[i]!.growth,
    companies,
    missing: years.year(year).missing[i]!,
    estimated,
  };
}

/** A layer's place in stack order, the index of its pools and counts. */
export function layerIndex(key: LayerKey): number {
  const i = LAYERS.findIndex((l) => l.key === key);
  if (i === -1) throw new RangeError(`unknown layer ${key}`);
  return i;
}

/** P(L) of the layer at `layer` in stack order for one year, exactly, with how many companies it sums and whether an estimate counts in it. */
export function yearLayerPool(years: PreparedYears, year: number, layer: number) {
  const members = layerMembers(years.year(year).valued, layer);
  return {
    pool: sumOf(members.map((m) => m.amount)),
    companies: members.length,
    estimated: members.some((m) => m.company.estimated),
  };
}

/**
 * One layer for one year with its table of companies: `layerDetail`'s answer, from the prepared years. The pool, the
 * ranking and each company's growth are scaled integers, each amount turned into a decimal once for the ratios. A
 * company's growth is over its own a(c, L) the year before, none when it had no value or no share in the layer then
 * (a share is > 0 where a company has one: docs/data-contract.md §2). Coverage counts the rows with share(c, L) > 0,
 * listed as `years.coverage` says.
 */
export function yearLayerDetail(years: PreparedYears, year: number, key: LayerKey, metric: Metric): LayerDetail {
  const i = layerIndex(key);
  const layer = LAYERS[i]!;
  const { valued, exposed } = years.year(year);
  const before = new Map(layerMembers(years.year(year - 1).valued, i).map((m) => [m.company.id, m.amount]));
  const members = layerMembers(valued, i);
  const pool = sumOf(members.map((m) => m.amount));
  const magnitude = metric === 'operating_income' ? (m: LayerMember) => absOf(m.amount) : (m: LayerMember) => m.amount;
  const ranked = members.sort((a, b) => {
    const x = magnitude(a);
    const y = magnitude(b);
    return x === y ? compareByName(a.company, b.company) : x > y ? -1 : 1;
  });
  const amount = (a: bigint) => fromScaled(a, years.scale);
  const money = (a: bigint) => moneyOfScaledTwelfths(a, years.scale);
  const poolAmount = amount(pool);

  return {
    key,
    name: layer.name,
    value: money(pool),
    growth: yearGrowth(years, year).layers[i]!.growth,
    companies: ranked.map(({ company: c, amount: attributed }) => {
      const value = amount(attributed);
      const earlier = before.get(c.id);
      const { profile } = c.row;
      return {
        id: c.id,
        name: c.name,
        layerShare: ratio(exact(c.row.shares[key]!)),
        value: money(attributed),
        shareOfLayer: ratioOver(value, poolAmount),
        growth: earlier === undefined ? null : ratioOver(amount(attributed - earlier), amount(earlier)),
        estimated: c.estimated,
        ...(profile ? { profile: { scope: profile.scope, fromYear: profile.fromYear } } : {}),
      };
    }),
    coverage: coverageOf(exposed[i]!, years.coverage),
    estimated: members.some((m) => m.company.estimated),
  };
}
