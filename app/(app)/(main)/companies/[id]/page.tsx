import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ChartBarExposure } from '@/components/charts/chart-bar-exposure';
import { ChartBarProfileYears } from '@/components/charts/chart-bar-profile-years';
import { FigureHistoryList } from '@/components/figures/figure-history-list';
import { FiguresGrid } from '@/components/figures/figures-grid';
import { ArchiveButton } from '@/components/companies/archive-button';
import { DeleteCompanyButton } from '@/components/companies/delete-company-button';
import { LayerChip } from '@/components/companies/exposure-bar';
import { CounterpartiesSection } from '@/components/flows/counterparties-section';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/session';
import { companyHistory, getCompany } from '@/lib/dal/companies';
import { companyFigureHistory } from '@/lib/dal/figure-history';
import { listFigures } from '@/lib/dal/figures';
import { companyCounterparties } from '@/lib/dal/flow-counterparties';
import { FLOW_YEAR_PARAM } from '@/lib/flows/schema';
import { countryName } from '@/lib/domain/countries';
import { companyFilterToSearch } from '@/lib/companies/filter';
import { diffSnapshots } from '@/lib/domain/history';
import { LAYERS } from '@/lib/domain/layers';
import { hasRole } from '@/lib/domain/roles';
import { yearSchema } from '@/lib/domain/years';
import { profileDrafts, sharesSummary } from '@/lib/domain/profile-form';
import { profileLabel } from '@/lib/domain/profiles';
import type { CompanyView } from '@/lib/companies/schema';
import { NotFoundError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Company' };

const MONTH = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });

export default async function CompanyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const actor = await requireUser('viewer');
  const { id } = await params;
  const company = await getCompany({ actor }, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  // A year in the URL that is not one is left out: the section opens on its default year.
  const flowYear = yearSchema.safeParse((await searchParams)[FLOW_YEAR_PARAM]).data;
  const [history, figures, figureHistory, counterparties] = await Promise.all([
    companyHistory({ actor }, id),
    listFigures({ actor }, { company: id }),
    companyFigureHistory({ actor }, { companyId: id }),
    companyCounterparties({ actor }, { company: id, year: flowYear }),
  ]);
  const canEdit = hasRole(actor.role, 'analyst');
  const figureYears = [...new Set(figures.map((f) => f.fiscalYear))].sort((a, b) => a - b);
  const layerName = new Map(LAYERS.map((l) => [l.key, l.name]));
  return (
    <>
      <div className="actions" style={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <header className="page-header">
          <h1>
            {company.name} {company.ticker && <span className="muted mono">{company.ticker}</span>}
          </h1>
          <p className="muted">
            {company.country ? countryName(company.country) : 'Country not set'} · {company.status} · reports in{' '}
            {company.currency} · fiscal year ends in {MONTH.format(new Date(Date.UTC(2000, company.fiscalYearEndMonth - 1, 1)))}
            {company.archived && <span className="badge badge-off"> archived</span>}
          </p>
        </header>
        {canEdit && (
          <span className="actions">
            <Link className="btn btn-primary" href={`/companies/${company.id}/edit`}>
              Edit
            </Link>
            <ArchiveButton id={company.id} archived={company.archived} />
          </span>
        )}
      </div>
      <div className="grid-2">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Exposure</h2>
          <ChartBarExposure company={company.current} />
          <p>
            Primary layer: <LayerChip layer={company.primaryLayer} />{' '}
            <span className="muted">
              · current shares:{' '}
              {company.current.fromYear === null ? 'the base profile' : `all metrics from ${company.current.fromYear}`}
            </span>
          </p>
          {company.profiles.length > 0 && <ProfilesSummary company={company} years={figureYears} />}
          {company.exposures.some((e) => e.subLayer) && (
            <p className="muted">
              Sub-layers:{' '}
              {company.exposures.flatMap((e) => (e.subLayer ? [`${layerName.get(e.layer)} — ${e.subLayer}`] : [])).join('; ')}
            </p>
          )}
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Profile</h2>
          <dl className="dl">
            <dt>Website</dt>
            <dd>
              {company.website ? (
                <a href={company.website} rel="noopener noreferrer" target="_blank">
                  {company.website}
                </a>
              ) : (
                '—'
              )}
            </dd>
            <dt>Lists</dt>
            <dd>
              {company.lists.length === 0
                ? 'On no list'
                : company.lists.map((l) => (
                    <Link key={l} className="chip" href={`/companies?${companyFilterToSearch({ list: l })}`}>
                      {l}
                    </Link>
                  ))}
            </dd>
            <dt>Version</dt>
            <dd>
              {company.version} · updated {formatDateTime(company.updatedAt)}
            </dd>
          </dl>
          {company.description && <p style={{ marginTop: '0.75rem', whiteSpace: 'pre-wrap' }}>{company.description}</p>}
        </section>
      </div>
      <section id="figures" aria-labelledby="figures-title">
        <h2 id="figures-title">Figures</h2>
        <FiguresGrid
          companyId={company.id}
          companyCurrency={company.currency}
          yearEndMonth={company.fiscalYearEndMonth}
          figures={figures}
          history={figureHistory}
          years={gridYears(figures.map((f) => f.fiscalYear))}
          canEdit={canEdit}
        />
        <details className="card" style={{ marginTop: '1rem' }}>
          <summary>
            <strong>Figure history</strong>{' '}
            <span className="muted">
              · {figureHistory.length} {figureHistory.length === 1 ? 'change' : 'changes'}
              {figureHistory.some((h) => h.restorable) && ' · deleted figures can be restored here'}
            </span>
          </summary>
          <FigureHistoryList entries={figureHistory} canRestore={canEdit} />
        </details>
      </section>
      <CounterpartiesSection
        key={counterparties.year}
        view={counterparties}
        canEdit={canEdit}
        yearOptions={flowYearOptions(counterparties.years, counterparties.year)}
      />
      <h2>Company history</h2>
      {history.length === 0 ? (
        <p className="card empty">No recorded changes.</p>
      ) : (
        <Table columns={['When', 'Who', 'What', 'Changes']} label="History">
          {history.map((h) => (
            <tr key={h.id}>
              <td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at)}</td>
              <td>{h.actor}</td>
              <td className="mono">{h.action}</td>
              <td>
                {h.action === 'company.create' || h.action === 'company.import_create' ? (
                  <span className="muted">created</span>
                ) : (
                  <ul style={{ margin: 0, paddingLeft: '1rem' }}>
                    {diffSnapshots(h.before, h.after).map((c) => (
                      <li key={c.field}>
                        <strong>{c.field}</strong>: {c.before} → {c.after}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {hasRole(actor.role, 'admin') && (
        <section className="card" style={{ marginTop: '1.5rem' }} aria-label="Delete permanently">
          <h2 style={{ marginTop: 0 }}>Delete permanently</h2>
          <p className="muted">Admins only. Archiving is the usual way to retire a company; it can be undone.</p>
          <DeleteCompanyButton id={company.id} name={company.name} />
        </section>
      )}
    </>
  );
}

/** The fiscal years the grid opens with: every year with a figure, and at least the last five and the next one. */
function gridYears(figureYears: number[]): number[] {
  const now = new Date().getUTCFullYear();
  const first = Math.min(now - 5, ...figureYears);
  const last = Math.max(now + 1, ...figureYears);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The years the flows section offers, latest first: every year with a flow, the one shown, and the last ten and the next. */
function flowYearOptions(withFlows: number[], shown: number): number[] {
  const now = new Date().getUTCFullYear();
  const recent = Array.from({ length: 12 }, (_, i) => now + 1 - i);
  return [...new Set([...withFlows, shown, ...recent])].sort((a, b) => b - a);
}

/** The company's profiles in a compact table, and its mix per year for each metric (the years with figures). */
function ProfilesSummary({ company, years }: { company: CompanyView; years: number[] }) {
  const [base, ...others] = profileDrafts(company);
  return (
    <>
      <Table columns={['Profile', 'Shares']} label="Exposure profiles">
        <tr>
          <td>All metrics, from the beginning (base)</td>
          <td>{sharesSummary(base!.percentages)}</td>
        </tr>
        {others.map((p) => (
          <tr key={`${p.scope}@${p.fromYear}`}>
            <td>{profileLabel(p)}</td>
            <td>{sharesSummary(p.percentages)}</td>
          </tr>
        ))}
      </Table>
      {years.length > 0 && <ChartBarProfileYears base={company} profiles={company.profiles} years={years} />}
    </>
  );
}
