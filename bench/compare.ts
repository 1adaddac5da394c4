/**
 * Checks that the hand SQL of bench/hand-sql computes the endpoints' numbers: money rounded to 6 decimals half-even
 * (as the API rounds it, docs/data-contract.md §4) equal digit for digit, counts equal, ratios within 1e-9 (the
 * hand SQL divides numerics of about 20 digits; the API divides at 40 digits and rounds to a double). Returns what
 * differs, one line each.
 */
import Decimal from 'decimal.js';
import type { GapAnswer, LayerDetailAnswer, LayersAnswer, ProfitabilityAnswer, SeriesAnswer } from '../lib/analytics/schema';

export interface HandLayer {
  layer: string;
  pool: string;
  companies: string | number;
  others: string;
  hhi: string | null;
  cr3: string | null;
}
export interface HandSeries {
  year: number;
  layer: string;
  pool: string;
  like_now: string | null;
  like_before: string | null;
}
export interface HandProfitability {
  layer: string;
  revenue: string | null;
  capex: string | null;
  operating_income: string | null;
  capex_intensity: string | null;
  operating_margin: string | null;
  revenue_share: string | null;
  companies: string | number;
}
export interface HandGap {
  year: number;
  chips: string;
  required: string;
  application: string;
  gap: string;
}
export interface HandLayerRow {
  name: string | null;
  value: string | null;
  year: number | null;
  pool: string | null;
}

type Issues = string[];

/**
 * Money equal after rounding the hand SQL's exact value to 6 decimals half-even, ties included: the API divides by 12
 * once, after the sum, as the hand SQL does (docs/data-contract.md §4), so an exact tie at the 7th decimal must go to
 * the even neighbour.
 */
function money(issues: Issues, what: string, api: number, hand: string | null | undefined): void {
  const exact = new Decimal(hand ?? 0);
  if (api === exact.toDecimalPlaces(6, Decimal.ROUND_HALF_EVEN).toNumber()) return;
  issues.push(`${what}: API ${api}, hand SQL ${hand ?? 'none'}`);
}

function ratio(issues: Issues, what: string, api: number | null, hand: string | number | null | undefined): void {
  const expected = hand === null || hand === undefined ? null : Number(hand);
  if (api === null || expected === null ? api !== expected : Math.abs(api - expected) > 1e-9 * Math.max(1, Math.abs(api)))
    issues.push(`${what}: API ${api}, hand SQL ${expected}`);
}

function counted(issues: Issues, what: string, api: number, hand: string | number | undefined): void {
  if (api !== Number(hand ?? 0)) issues.push(`${what}: API ${api}, hand SQL ${hand ?? 'none'}`);
}

export function compareLayers(api: LayersAnswer, hand: HandLayer[]): Issues {
  const issues: Issues = [];
  for (const layer of api.layers) {
    const row = hand.find((h) => h.layer === layer.key);
    money(issues, `layers ${layer.key} pool`, layer.value, row?.pool);
    counted(issues, `layers ${layer.key} companies`, layer.companies, row?.companies);
    money(issues, `layers ${layer.key} others`, layer.others.value, row?.others);
    ratio(issues, `layers ${layer.key} HHI`, layer.hhi, row?.hhi);
    ratio(issues, `layers ${layer.key} CR3`, layer.cr3, row?.cr3);
  }
  return issues;
}

export function compareSeries(api: SeriesAnswer, hand: HandSeries[]): Issues {
  const issues: Issues = [];
  for (const year of api.years)
    for (const layer of year.layers) {
      const row = hand.find((h) => Number(h.year) === year.year && h.layer === layer.key);
      money(issues, `series ${year.year} ${layer.key} pool`, layer.value, row?.pool);
      // The growth's inputs are rounded to 6 decimals here, so the growth agrees to about 1e-9 of itself.
      const before = Number(row?.like_before ?? 0);
      const growth = before > 0 ? (Number(row!.like_now) - before) / before : null;
      if ((layer.growth === null) !== (growth === null) || Math.abs((layer.growth ?? 0) - (growth ?? 0)) > 1e-6)
        issues.push(`series ${year.year} ${layer.key} growth: API ${layer.growth}, hand SQL ${growth}`);
    }
  return issues;
}

export function compareProfitability(api: ProfitabilityAnswer, hand: HandProfitability[]): Issues {
  const issues: Issues = [];
  for (const layer of api.layers) {
    const row = hand.find((h) => h.layer === layer.key);
    money(issues, `profitability ${layer.key} revenue`, layer.revenue, row?.revenue);
    money(issues, `profitability ${layer.key} capex`, layer.capex, row?.capex);
    money(issues, `profitability ${layer.key} operating income`, layer.operatingIncome, row?.operating_income);
    ratio(issues, `profitability ${layer.key} capex intensity`, layer.capexIntensity, row?.capex_intensity);
    ratio(issues, `profitability ${layer.key} operating margin`, layer.operatingMargin, row?.operating_margin);
    ratio(issues, `profitability ${layer.key} revenue share`, layer.revenueShare, row?.revenue_share);
    counted(issues, `profitability ${layer.key} companies`, layer.companies, row?.companies);
  }
  return issues;
}

export function compareGap(api: GapAnswer, hand: HandGap[]): Issues {
  const issues: Issues = [];
  for (const year of api.years) {
    const row = hand.find((h) => Number(h.year) === year.year);
    money(issues, `gap ${year.year} chips`, year.chips, row?.chips);
    money(issues, `gap ${year.year} required`, year.required, row?.required);
    money(issues, `gap ${year.year} application`, year.application, row?.application);
    money(issues, `gap ${year.year} gap`, year.gap, row?.gap);
  }
  return issues;
}

export function compareLayerDetail(api: LayerDetailAnswer, hand: HandLayerRow[]): Issues {
  const issues: Issues = [];
  const companies = hand.filter((h) => h.name !== null);
  counted(issues, `layer ${api.key} companies`, api.companies.length, companies.length);
  for (const company of api.companies)
    money(issues, `layer ${api.key} ${company.name}`, company.value, companies.find((h) => h.name === company.name)?.value);
  for (const year of api.series)
    money(issues, `layer ${api.key} pool ${year.year}`, year.value, hand.find((h) => Number(h.year) === year.year)?.pool);
  return issues;
}
