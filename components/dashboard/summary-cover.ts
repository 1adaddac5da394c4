'use client';

import type { QueryClient } from '@tanstack/react-query';
import { filtersSubtitle } from '@/lib/charts/export-text';
import { sentenceText, summarySentences, summaryTitle, type SummaryAnswers } from '@/lib/charts/summary';
import type { ResolvedFilters } from '@/lib/domain/dashboard/filters';
import { METRIC_NAMES } from '@/lib/domain/figures/types';
import { asOfText } from '@/lib/export/memo-text';
import type { PackCover } from '@/lib/export/pptx';
import { dashboardQueryOptions } from '@/lib/queries/dashboard-options';

/**
 * The memo pack's title slide: the summary of the filters' answers as the query cache holds them (only answers of
 * exactly these filters, never a previous filters' answer still on screen), the filters, and the data's as-of.
 */
export function summaryCover(client: QueryClient, filters: ResolvedFilters): PackCover {
  const answer = <Q extends 'layers' | 'profitability' | 'series' | 'gap'>(name: Q) =>
    client.getQueryData(dashboardQueryOptions(name, filters).queryKey) as SummaryAnswers[Q];
  const answers: SummaryAnswers = {
    layers: answer('layers'),
    profitability: answer('profitability'),
    series: answer('series'),
    gap: answer('gap'),
  };
  const asOf = Object.values(answers)
    .map((a) => a?.asOf)
    .filter((a): a is string => !!a)
    .sort()
    .at(-1);
  return {
    title: summaryTitle(filters.year),
    subtitle: filtersSubtitle(filters, { measure: METRIC_NAMES[filters.metric], period: String(filters.year) }),
    sentences: summarySentences(answers).map(sentenceText),
    asOf: asOf ? asOfText(asOf) : null,
  };
}
