import type { GapAnswer, LayersAnswer, ProfitabilityAnswer, SeriesAnswer } from '../analytics/query';
import type { Coverage } from '../domain/analytics/types';
import { METRIC_LABELS } from '../domain/figures/types';
import { layerOf, type LayerKey } from '../domain/layers';
import { formatCount, formatPercent, formatSignedPercent, formatUsdMillions } from '../format';
import { formatHhi, hhiBand } from './concentration';
import { isThinCoverage } from '../domain/analytics/coverage';

/** One sentence of the dashboard's answer in words, and the chart card (its element id) whose numbers it states. */
export interface SummarySentence {
  chart: 'layer-pools' | 'profit-pool' | 'concentration' | 'over-time' | 'gap';
  text: string;
  /** "Coverage is thin: …" when what the sentence counts is under 80% covered; null otherwise. */
  thin: string | null;
}

/** The answers the dashboard's charts already hold; one still loading is undefined. */
export interface SummaryAnswers {
  layers?: LayersAnswer;
  profitability?: ProfitabilityAnswer;
  series?: SeriesAnswer;
  gap?: GapAnswer;
}

/** "Where value accrues in 2024", of the year the layers answer on screen is for. */
export const summaryTitle = (year: number) => `Where value accrues in ${year}`;

/** A sentence with its coverage warning, as a slide or a plain-text reader gets it. */
export const sentenceText = (s: SummarySentence) => (s.thin ? `${s.text} ${s.thin}` : s.text);

const name = (key: LayerKey) => layerOf(key).name;

/** "Coverage is thin: 12 of 41 companies reported." when under the threshold; null otherwise. */
function thinness(parts: readonly { included: number; missing: number; of?: string }[]): string | null {
  const thin = parts.filter((p) => isThinCoverage(p.included, p.missing));
  if (thin.length === 0) return null;
  const counts = thin.map((p) => {
    const of = p.of ? `${p.of} ` : '';
    return `${p.included} of ${formatCount(p.included + p.missing, `${of}company`, `${of}companies`)}`;
  });
  return `Coverage is thin: ${counts.join(' and ')} reported.`;
}

const ofSet = (c: Coverage, of?: string) => ({ included: c.included, missing: c.missingCount, of });

/** The element with the largest `by`, the first of equals; undefined when none has a value. */
function largest<T>(items: readonly T[], by: (item: T) => number | null): T | undefined {
  let best: T | undefined;
  let bestValue = -Infinity;
  for (const item of items) {
    const value = by(item);
    if (value !== null && value > bestValue) [best, bestValue] = [item, value];
  }
  return best;
}

/** The layer with the largest pool of the chosen metric, and its share of the stack's gross total. */
function poolSentence(answer: LayersAnswer): SummarySentence | null {
  if (answer.coverage.included === 0) return null;
  const top = largest(answer.layers, (l) => l.value);
  if (!top || top.value <= 0) return null;
  const metric = METRIC_LABELS[answer.metric];
  const share = top.share === null ? '' : `, ${formatPercent(top.share)} of the stack's gross total`;
  return {
    chart: 'layer-pools',
    text: `${name(top.key)} holds the largest ${metric} pool: ${formatUsdMillions(top.value)}${share}.`,
    thin: thinness([{ included: top.companies, missing: top.missing, of: name(top.key) }]),
  };
}

/**
 * The layer with the largest operating profit, as the profit pool draws it: a bar's area (share of revenue ×
 * operating margin) is its operating income over the revenue of all companies with both, so its share of the
 * areas' sum is its share of the stack's operating profit.
 */
function profitSentence(answer: ProfitabilityAnswer): SummarySentence | null {
  const area = (l: ProfitabilityAnswer['layers'][number]) =>
    l.revenueShare && l.operatingMargin !== null ? l.revenueShare * l.operatingMargin : null;
  const drawn = answer.layers.filter((l) => area(l) !== null);
  const top = largest(drawn, area);
  if (!top) return null;
  const thin = thinness([ofSet(answer.coverage.revenueAndOperatingIncome)]);
  if (area(top)! <= 0) return { chart: 'profit-pool', text: `No layer makes an operating profit in ${answer.year}.`, thin };
  const total = drawn.reduce((s, l) => s + area(l)!, 0);
  const share = total > 0 ? `: ${formatPercent(area(top)! / total)} of the stack's` : '';
  return {
    chart: 'profit-pool',
    text: `${name(top.key)} earns the largest operating profit${share}, at a ${formatPercent(top.operatingMargin)} operating margin.`,
    thin,
  };
}

/** The most concentrated layer and its band; concentration is not measured for operating income. */
function concentrationSentence(answer: LayersAnswer): SummarySentence | null {
  if (answer.metric === 'operating_income') return null;
  const top = largest(answer.layers, (l) => l.hhi);
  if (!top || top.hhi === null) return null;
  return {
    chart: 'concentration',
    text: `${name(top.key)} is the most concentrated layer by ${METRIC_LABELS[answer.metric]}: HHI ${formatHhi(top.hhi)}, ${hhiBand(top.hhi)}.`,
    thin: thinness([{ included: top.companies, missing: top.missing, of: name(top.key) }]),
  };
}

/** The layer with the largest like-for-like growth in the series' last year (the one selected) over the year before. */
function growthSentence(answer: SeriesAnswer): SummarySentence | null {
  const year = answer.years.at(-1);
  if (!year) return null;
  const top = largest(year.layers, (l) => l.growth);
  if (!top || top.growth === null) return null;
  const verb = top.growth >= 0 ? 'grew the most' : 'shrank the least';
  return {
    chart: 'over-time',
    text: `${name(top.key)} ${verb} like-for-like: ${formatSignedPercent(top.growth)} in ${METRIC_LABELS[answer.metric]} over ${year.year - 1}.`,
    thin: thinness([ofSet(year.coverage)]),
  };
}

/** The required-revenue gap of the selected year (the range's last), with the assumptions behind it. */
function gapSentence(answer: GapAnswer): SummarySentence | null {
  const year = answer.years.at(-1);
  if (!year || (year.coverage.chips.included === 0 && year.coverage.application.included === 0)) return null;
  const implied = `Chips revenue implies ${formatUsdMillions(year.required)} of application revenue (g = ${answer.g}, m = ${answer.m})`;
  const against =
    year.gap >= 0
      ? `the application layer earns ${formatUsdMillions(year.application)}, a gap of ${formatUsdMillions(year.gap)}`
      : `the application layer earns ${formatUsdMillions(year.application)}, ${formatUsdMillions(-year.gap)} more than that`;
  return {
    chart: 'gap',
    text: `${implied}; ${against}.`,
    thin: thinness([ofSet(year.coverage.chips, 'Chips'), ofSet(year.coverage.application, 'Application')]),
  };
}

/**
 * The dashboard's answer in words (issue 17): each sentence restates numbers of one chart's answer (no number of
 * its own) and links to that chart. A sentence whose answer is loading or has nothing to say is left out.
 */
export function summarySentences(answers: SummaryAnswers): SummarySentence[] {
  return [
    answers.layers && poolSentence(answers.layers),
    answers.profitability && profitSentence(answers.profitability),
    answers.layers && concentrationSentence(answers.layers),
    answers.series && growthSentence(answers.series),
    answers.gap && gapSentence(answers.gap),
  ].filter((s): s is SummarySentence => !!s);
}
