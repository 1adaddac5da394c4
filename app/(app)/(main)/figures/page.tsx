import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { CoverageFilters } from '@/components/figures/coverage-filters';
import { CoverageTable } from '@/components/figures/coverage-table';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { defaultCoverageYear, figureCoverage } from '@/lib/dal/figure-coverage';
import { listLists } from '@/lib/dal/lists';
import { figureCoverageQueryFromSearch } from '@/lib/domain/figure-coverage-query';
import { METRIC_LABELS } from '@/lib/domain/figures';
import type { FigureCoverage } from '@/lib/figures/coverage-schema';

export const metadata: Metadata = { title: 'Figures' };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "38 of 45 companies on Portfolio have revenue for FY2024 · 3 estimated · 7 missing". */
function summary({ query, list, counts }: FigureCoverage): string {
  const subject = `${METRIC_LABELS[query.metric]} for FY${query.year}`;
  const set = `${plural(counts.companies, 'company', 'companies')}${list ? ` on ${list}` : ''}`;
  const parts = [
    `${counts.withValue} of ${set} ${counts.companies === 1 ? 'has' : 'have'} ${subject}`,
    `${counts.estimated} estimated`,
    `${counts.missing} missing`,
  ];
  if (counts.noFxRate > 0) parts.push(`${counts.noFxRate} without a ${query.year} FX rate`);
  return parts.join(' · ');
}

/** What to say instead of the table: no such list, no company in the set, or none that `show` keeps. */
function emptyMessage({ query, list, unknownList, counts }: FigureCoverage): React.ReactNode {
  const subject = `${METRIC_LABELS[query.metric]} for FY${query.year}`;
  if (unknownList)
    return (
      <>
        No list is named “{unknownList}”. See <Link href="/lists">the lists</Link>.
      </>
    );
  if (counts.companies === 0) {
    if (query.q) return `No company${list ? ` on ${list}` : ''} matches “${query.q}”.`;
    if (list) return `No company is on ${list}.`;
    return (
      <>
        No companies yet. <Link href="/companies">Add or import them</Link>.
      </>
    );
  }
  return query.show === 'missing' ? `Every company has ${subject}.` : `No company has ${subject} yet.`;
}

export default async function FiguresPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const actor = await requireUser('viewer');
  const search = figureCoverageQueryFromSearch(await searchParams);
  const year = search.year ?? (await defaultCoverageYear({ actor }, { metric: search.metric }));
  const [coverage, lists] = await Promise.all([figureCoverage({ actor }, { ...search, year }), listLists({ actor })]);
  return (
    <>
      <PageHeader title="Figures">
        One fiscal year and metric across companies: the value analytics use for each (reported, else estimate, else the sum of
        four quarters), where it comes from, and the gaps to fill.
      </PageHeader>
      <CoverageFilters query={{ ...coverage.query, list: coverage.list ?? undefined }} lists={lists.map((l) => l.name)} />
      {!coverage.unknownList && coverage.counts.companies > 0 && (
        <p className="coverage-summary" aria-live="polite">
          {summary(coverage)}
        </p>
      )}
      {coverage.rows.length === 0 ? (
        <p className="card empty">{emptyMessage(coverage)}</p>
      ) : (
        <CoverageTable rows={coverage.rows} now={new Date()} />
      )}
    </>
  );
}
