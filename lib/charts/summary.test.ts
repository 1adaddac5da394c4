import { describe, expect, it } from 'vitest';
import type { GapAnswer, GapYear, SeriesAnswer, SeriesYear } from '../analytics/query';
import { LAYER_KEYS, type LayerKey } from '../domain/layers';
import { hhiBand } from './concentration';
import { sentenceText, summarySentences, summaryTitle, type SummaryAnswers } from './summary';
import { AS_OF, coverage, layersAnswer, profitabilityAnswer } from './test-answers';

const missing = (n: number) => Array.from({ length: n }, (_, i) => `Missing ${i}`);

/** A series whose last year (2024) has these like-for-like growths per layer, covering `included` of 10. */
function seriesAnswer(growth: Partial<Record<LayerKey, number>>, included = 10): SeriesAnswer {
  const year = (y: number, g: Partial<Record<LayerKey, number>>): SeriesYear => ({
    year: y,
    total: 0,
    estimated: false,
    growth: null,
    layers: LAYER_KEYS.map((key) => ({ key, value: 100, growth: g[key] ?? null })),
    coverage: coverage(included, missing(10 - included)),
  });
  return { basis: 'calendar', currency: 'USD', asOf: AS_OF, metric: 'revenue', years: [year(2023, {}), year(2024, growth)] };
}

/** A gap range whose last year (2024) has these pools, with `chips` and `application` companies of 10 each. */
function gapAnswer(required: number, application: number, chips = 10, apps = 10): GapAnswer {
  const year: GapYear = {
    year: 2024,
    chips: required / 4,
    required,
    application,
    gap: required - application,
    estimated: false,
    coverage: { chips: coverage(chips, missing(10 - chips)), application: coverage(apps, missing(10 - apps)) },
  };
  return { basis: 'calendar', currency: 'USD', asOf: AS_OF, g: 0.5, m: 0.5, years: [{ ...year, year: 2023 }, year] };
}

const only = (answers: SummaryAnswers) => summarySentences(answers).map(sentenceText);

describe('summarySentences', () => {
  it.each([
    {
      case: 'the largest pool and its share of the gross total',
      answers: {
        layers: layersAnswer({
          chips: { value: 300_000, share: 0.6, companies: 5 },
          application: { value: 200_000, share: 0.4, companies: 9, missing: 1 },
        }),
      },
      expected: ["Chips holds the largest revenue pool: $300.0B, 60.0% of the stack's gross total."],
    },
    {
      case: 'a thin layer says so, with its own counts',
      answers: { layers: layersAnswer({ models: { value: 50, share: 1, companies: 3, missing: 2 } }) },
      expected: [
        "Models holds the largest revenue pool: $50.0M, 100.0% of the stack's gross total. Coverage is thin: 3 of 5 Models companies reported.",
      ],
    },
    {
      case: 'the most concentrated layer and its band',
      answers: {
        layers: layersAnswer(
          {
            chips: { value: 10, share: 0.5, hhi: 4_210.4, companies: 4 },
            data: { value: 10, share: 0.5, hhi: 900, companies: 8 },
          },
          {},
        ),
      },
      expected: [
        "Chips holds the largest revenue pool: $10.0M, 50.0% of the stack's gross total.",
        'Chips is the most concentrated layer by revenue: HHI 4,210, highly concentrated.',
      ],
    },
    {
      case: 'no concentration sentence for operating income',
      answers: { layers: layersAnswer({ chips: { value: 10, share: 1, companies: 1 } }, { metric: 'operating_income' }) },
      expected: ["Chips holds the largest operating income pool: $10.0M, 100.0% of the stack's gross total."],
    },
    {
      case: 'nothing when no company has the metric',
      answers: { layers: layersAnswer({}, { coverage: coverage(0, ['A']) }) },
      expected: [],
    },
  ])('layers: $case', ({ answers, expected }) => {
    expect(only(answers)).toEqual(expected);
  });

  it.each([
    {
      case: "the largest area, its share of the areas' sum and its margin",
      layers: {
        infrastructure: { revenueShare: 0.5, operatingMargin: 0.3 },
        chips: { revenueShare: 0.25, operatingMargin: 0.6 },
        models: { revenueShare: 0.25, operatingMargin: -0.4 },
      },
      included: 2,
      // areas 0.15, 0.15, −0.1: the first of equals, 0.15 / 0.2
      expected: ["Infrastructure earns the largest operating profit: 75.0% of the stack's, at a 30.0% operating margin."],
    },
    {
      case: 'no share when the stack as a whole loses money',
      layers: { chips: { revenueShare: 0.5, operatingMargin: 0.1 }, models: { revenueShare: 0.5, operatingMargin: -0.5 } },
      included: 2,
      expected: ['Chips earns the largest operating profit, at a 10.0% operating margin.'],
    },
    {
      case: 'every layer at a loss',
      layers: { models: { revenueShare: 1, operatingMargin: -0.5 } },
      included: 1,
      expected: ['No layer makes an operating profit in 2024. Coverage is thin: 1 of 2 companies reported.'],
    },
  ])('profitability: $case', ({ layers, included, expected }) => {
    const answer = profitabilityAnswer(layers, {});
    answer.coverage.revenueAndOperatingIncome = coverage(included, missing(2 - included));
    expect(only({ profitability: answer })).toEqual(expected);
  });

  it.each([
    {
      case: 'the largest like-for-like growth of the selected year',
      answer: seriesAnswer({ chips: 0.25, application: 0.661 }),
      expected: ['Application grew the most like-for-like: +66.1% in revenue over 2023.'],
    },
    {
      case: 'every layer shrinking, and thin coverage of the year',
      answer: seriesAnswer({ chips: -0.1, data: -0.3 }, 7),
      expected: [
        'Chips shrank the least like-for-like: −10.0% in revenue over 2023. Coverage is thin: 7 of 10 companies reported.',
      ],
    },
    { case: 'nothing without growth', answer: seriesAnswer({}), expected: [] },
  ])('series: $case', ({ answer, expected }) => {
    expect(only({ series: answer })).toEqual(expected);
  });

  it.each([
    {
      case: 'a gap',
      answer: gapAnswer(600_000, 100_000),
      expected: [
        'Chips revenue implies $600.0B of application revenue (g = 0.5, m = 0.5); the application layer earns $100.0B, a gap of $500.0B.',
      ],
    },
    {
      case: 'more earned than required, thin application coverage',
      answer: gapAnswer(1_000, 1_500, 10, 5),
      expected: [
        'Chips revenue implies $1.0B of application revenue (g = 0.5, m = 0.5); the application layer earns $1.5B, $500.0M more than that. Coverage is thin: 5 of 10 Application companies reported.',
      ],
    },
    {
      case: 'both inputs thin',
      answer: gapAnswer(1_000, 500, 1, 2),
      expected: [
        'Chips revenue implies $1.0B of application revenue (g = 0.5, m = 0.5); the application layer earns $500.0M, a gap of $500.0M. Coverage is thin: 1 of 10 Chips companies and 2 of 10 Application companies reported.',
      ],
    },
    { case: 'nothing when neither input has a company', answer: gapAnswer(0, 0, 0, 0), expected: [] },
  ])('gap: $case', ({ answer, expected }) => {
    expect(only({ gap: answer })).toEqual(expected);
  });

  it('orders the sentences pool, profit, concentration, growth, gap, each linking to its chart', () => {
    const sentences = summarySentences({
      gap: gapAnswer(2, 1),
      series: seriesAnswer({ chips: 0.1 }),
      profitability: profitabilityAnswer({ chips: { revenueShare: 1, operatingMargin: 0.2 } }),
      layers: layersAnswer({ chips: { value: 1, share: 1, hhi: 1_500, companies: 1 } }),
    });
    expect(sentences.map((s) => s.chart)).toEqual(['layer-pools', 'profit-pool', 'concentration', 'over-time', 'gap']);
  });

  it('leaves out the sentences of answers still loading', () => {
    expect(summarySentences({})).toEqual([]);
  });

  it('titles the year', () => {
    expect(summaryTitle(2025)).toBe('Where value accrues in 2025');
  });
});

describe('hhiBand', () => {
  it.each([
    [999, 'unconcentrated'],
    [1_000, 'moderately concentrated'],
    [1_800, 'moderately concentrated'],
    [1_801, 'highly concentrated'],
  ])('%d is %s', (hhi, band) => {
    expect(hhiBand(hhi)).toBe(band);
  });
});
