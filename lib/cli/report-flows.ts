import { flowsQuerySchema } from '../analytics/schema';
import { flowAnalytics } from '../dal/analytics';
import type { Ctx } from '../dal/context';
import { layerLabel, layerOf } from '../domain/layers';
import { millions, REPORT_OPTIONS, reportAnswer, setLabel, table, type ReportOptions } from './report';

/** `report flows` takes the set filters and the estimates mode; flows are calendar years, so no basis or metric. */
const { metric: _metric, basis: _basis, ...flowReportOptions } = REPORT_OPTIONS;
export const FLOW_REPORT_OPTIONS = flowReportOptions;

type FlowReportOptions = Pick<ReportOptions, 'year' | 'list' | 'status' | 'country' | 'estimates' | 'json'>;

/** How many of the top flows the table prints (the JSON has all of the answer's). */
const TOP_PRINTED = 10;

/**
 * `report flows --year Y [--list L] [--status S] [--country C] [--estimates E] [--json]`: the
 * `/api/v1/analytics/flows` answer as a table of layers (pool, known inflow and outflow, external, retained), the
 * totals and the largest flows, or its JSON, through the same data-layer function.
 */
export async function reportFlowsCommand(ctx: Ctx, options: FlowReportOptions): Promise<string> {
  const { json, ...params } = options;
  const answer = await reportAnswer(params, flowsQuerySchema, (query) => flowAnalytics(ctx, query));
  if (json) return JSON.stringify(answer, null, 2);
  const m = (v: number) => millions.format(v);
  const { gross, internal, net } = answer.total;
  const { included, missing, missingCount } = answer.coverage;
  return [
    `Who pays whom by layer, calendar year ${answer.year}, USD millions — ${setLabel(params)}`,
    '',
    ...table(
      ['Layer', 'Pool', 'Inflow', 'Outflow', 'External', 'Retained', 'Note'],
      answer.layers.map((l) => [
        layerLabel(layerOf(l.key)),
        m(l.pool),
        m(l.inflow),
        m(l.outflow),
        m(l.external),
        m(l.retained),
        l.inconsistent ? 'known inflows exceed the pool' : '',
      ]),
    ),
    '',
    `Gross ${m(gross)} − internal ${m(internal)} (paid between tracked companies, counted twice) = net ${m(net)}.${answer.estimated ? ' Includes estimates.' : ''}`,
    '',
    'Largest flows:',
    ...(answer.top.length === 0 ? ['  none'] : []),
    ...answer.top
      .slice(0, TOP_PRINTED)
      .map(
        (t) =>
          `  ${t.payer.name} (${layerOf(t.payerLayer).name}) → ${t.payee.name} (${layerOf(t.payeeLayer).name}): ${m(t.value)}${t.kind === 'estimate' ? ' (estimate)' : ''}`,
      ),
    `Coverage: ${included} flows included, ${missingCount} missing${missingCount ? ':' : '.'}`,
    ...missing.map((f) => `  ${f.payer.name} → ${f.payee.name}: ${f.reason}`),
    ...(missingCount > missing.length ? [`  …and ${missingCount - missing.length} more`] : []),
  ].join('\n');
}
