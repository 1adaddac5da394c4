import { csvCell, csvText } from '../csv/serialize';
import type { LabelledCoverage } from './memo-text';
import { csvHeader, type ChartTable } from './table';

export interface ChartCsvInput {
  table: ChartTable;
  coverages: readonly LabelledCoverage[];
  title: string;
  subtitle: string;
  footer: string;
}

/**
 * A chart's CSV: first the plotted numbers, one header row with units and the numbers as the API answered them
 * (unrounded); then, each after a blank line, the coverage (who is counted, who is missing and why) and what the
 * chart is (title, filters, source). Text cells go through the formula guard of lib/csv; numbers never do.
 */
export function chartCsv({ table, coverages, title, subtitle, footer }: ChartCsvInput): string {
  const missing = coverages.flatMap(({ label, coverage }) => [
    ...coverage.missing.map((m) => [m.name, label ?? 'Companies', m.code, m.reason].map((cell) => csvCell(cell))),
    ...(coverage.missingCount > coverage.missing.length
      ? [[csvCell(`…and ${coverage.missingCount - coverage.missing.length} more`), csvCell(label ?? 'Companies')]]
      : []),
  ]);
  // The companies whose numbers used an exposure profile other than their base, and which (docs/data-contract.md §2).
  const profiles = coverages.flatMap(({ label, coverage }) => [
    ...(coverage.profiles ?? []).map((p) =>
      [p.name, label ?? 'Companies', p.scope, p.fromYear === null ? '' : String(p.fromYear)].map((cell) => csvCell(cell)),
    ),
    ...((coverage.profilesCount ?? 0) > (coverage.profiles?.length ?? 0)
      ? [
          [
            csvCell(`…and ${(coverage.profilesCount ?? 0) - (coverage.profiles?.length ?? 0)} more`),
            csvCell(label ?? 'Companies'),
          ],
        ]
      : []),
  ]);
  return csvText([
    table.columns.map((column) => csvCell(csvHeader(column))),
    ...table.rows.map((row) => row.map((cell) => csvCell(cell))),
    [],
    ['Coverage', 'Companies included', 'Companies missing'],
    ...coverages.map(({ label, coverage }) => [
      csvCell(label ?? 'Companies'),
      csvCell(coverage.included),
      csvCell(coverage.missingCount),
    ]),
    ...(missing.length ? [[], ['Missing company', 'Coverage', 'Code', 'Reason'], ...missing] : []),
    ...(profiles.length
      ? [[], ['Company on an exposure profile', 'Coverage', 'Profile scope', 'Profile from year'], ...profiles]
      : []),
    [],
    ['Chart', csvCell(title)],
    ['Filters', csvCell(subtitle)],
    ['Source', csvCell(footer)],
  ]);
}
