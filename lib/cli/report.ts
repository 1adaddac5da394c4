import type { z } from 'zod';
import { layersQuerySchema } from '../analytics/schema';
import { layerAnalytics } from '../dal/analytics';
import type { Ctx } from '../dal/context';
import { layerLabel, layerOf } from '../domain/layers';
import { METRIC_NAMES } from '../domain/figures/types';
import { DomainError, RuleError } from '../errors';
import { UsageError } from './args';

export const REPORT_OPTIONS = {
  year: { type: 'string' },
  metric: { type: 'string' },
  basis: { type: 'string' },
  list: { type: 'string' },
  status: { type: 'string' },
  country: { type: 'string' },
  estimates: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export type ReportOptions = Partial<Record<Exclude<keyof typeof REPORT_OPTIONS, 'json'>, string>> & { json?: boolean };

export const millions = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`);
const fixed = (value: number | null, digits: number) => (value === null ? '—' : value.toFixed(digits));

/**
 * A report's query parsed from its flags and its answer: a bad flag is a usage error naming it (exit 2), an unknown
 * list a failure about the data (exit 1).
 */
export async function reportAnswer<Q, A>(
  params: Omit<ReportOptions, 'json'>,
  schema: z.ZodType<Q>,
  answer: (query: Q) => Promise<A>,
): Promise<A> {
  if (params.year === undefined) throw new UsageError('--year is required.');
  const query = schema.safeParse(params);
  if (!query.success) throw new UsageError(query.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join(' '));
  try {
    return await answer(query.data);
  } catch (error) {
    if (error instanceof RuleError) throw new DomainError(error.message);
    throw error;
  }
}

/** A text table: the first and last columns left-aligned, numbers between them right-aligned. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [header, ...rows].map(line);
}

/** The set a report is about, as its title names it. */
export function setLabel(params: Pick<ReportOptions, 'list' | 'status' | 'country'>): string {
  return (
    [params.list && `list ${params.list}`, params.status, params.country?.toUpperCase()].filter(Boolean).join(', ') ||
    'all companies'
  );
}

/**
 * `report --year Y [--metric M] [--basis B] [--list L] [--status S] [--country C] [--estimates E] [--json]`: the
 * `/api/v1/analytics/layers` answer as a table (or its JSON), through the same data-layer function. Bad
 * parameters are a usage error naming each one; an unknown list fails with its name.
 */
export async function reportCommand(ctx: Ctx, options: ReportOptions): Promise<string> {
  const { json, ...params } = options;
  const answer = await reportAnswer(params, layersQuerySchema, (query) => layerAnalytics(ctx, query));
  if (json) return JSON.stringify(answer, null, 2);

  const concentration = answer.metric !== 'operating_income';
  const header = ['Layer', 'USD m', 'Share', 'Companies', ...(concentration ? ['HHI', 'CR3', 'Eff. n'] : []), 'Largest'];
  const rows = answer.layers.map((l) => {
    return [
      layerLabel(layerOf(l.key)),
      millions.format(l.value),
      percent(l.share),
      String(l.companies),
      ...(concentration ? [fixed(l.hhi, 0), percent(l.cr3), fixed(l.effectiveCompanies, 1)] : []),
      l.top[0] ? `${l.top[0].name} (${millions.format(l.top[0].value)})` : '—',
    ];
  });
  const set = setLabel(params);
  const { included, missing, missingCount } = answer.coverage;
  return [
    `${METRIC_NAMES[answer.metric]} by layer, ${answer.basis === 'calendar' ? 'calendar' : 'fiscal'} year ${answer.year}, USD millions — ${set}`,
    '',
    ...table(header, rows),
    '',
    `Total ${millions.format(answer.total)} (gross: one layer's revenue is often another's spend).${answer.estimated ? ' Includes estimates.' : ''}`,
    ...(concentration ? ['Concentration is among tracked companies, not a whole market.'] : []),
    `Coverage: ${included} included, ${missingCount} missing${missingCount ? ':' : '.'}`,
    ...missing.map((m) => `  ${m.name}: ${m.reason}`),
    ...(missingCount > missing.length ? [`  …and ${missingCount - missing.length} more`] : []),
  ].join('\n');
}
