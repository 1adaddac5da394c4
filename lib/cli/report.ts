import { layersQuerySchema, type LayersAnswer } from '../analytics/schema';
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

type ReportOptions = Partial<Record<Exclude<keyof typeof REPORT_OPTIONS, 'json'>, string>> & { json?: boolean };

const millions = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = (ratio: number | null) => (ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`);
const fixed = (value: number | null, digits: number) => (value === null ? '—' : value.toFixed(digits));

/**
 * `report --year Y [--metric M] [--basis B] [--list L] [--status S] [--country C] [--estimates E] [--json]`: the
 * `/api/v1/analytics/layers` answer as a table (or its JSON), through the same data-layer function. Bad
 * parameters are a usage error naming each one; an unknown list fails with its name.
 */
export async function reportCommand(ctx: Ctx, options: ReportOptions): Promise<string> {
  const { json, ...params } = options;
  if (params.year === undefined) throw new UsageError('--year is required.');
  const query = layersQuerySchema.safeParse(params);
  if (!query.success) throw new UsageError(query.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join(' '));
  let answer: LayersAnswer;
  try {
    answer = await layerAnalytics(ctx, query.data);
  } catch (error) {
    // An unknown list is a failure about the data (exit 1), not a wrong command line.
    if (error instanceof RuleError) throw new DomainError(error.message);
    throw error;
  }
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
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const set =
    [params.list && `list ${params.list}`, params.status, params.country?.toUpperCase()].filter(Boolean).join(', ') ||
    'all companies';
  const { included, missing, missingCount } = answer.coverage;
  return [
    `${METRIC_NAMES[answer.metric]} by layer, ${answer.basis === 'calendar' ? 'calendar' : 'fiscal'} year ${answer.year}, USD millions — ${set}`,
    '',
    line(header),
    ...rows.map(line),
    '',
    `Total ${millions.format(answer.total)} (gross: one layer's revenue is often another's spend).${answer.estimated ? ' Includes estimates.' : ''}`,
    ...(concentration ? ['Concentration is among tracked companies, not a whole market.'] : []),
    `Coverage: ${included} included, ${missingCount} missing${missingCount ? ':' : '.'}`,
    ...missing.map((m) => `  ${m.name}: ${m.reason}`),
    ...(missingCount > missing.length ? [`  …and ${missingCount - missing.length} more`] : []),
  ].join('\n');
}
