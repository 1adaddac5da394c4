import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { SetRateForm } from '@/components/fx/set-rate-form';
import { PageHeader } from '@/components/ui/page-header';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/session';
import { listFxRates, unconvertibleFigures } from '@/lib/dal/fx';
import { hasRole } from '@/lib/domain/roles';
import { ReadOnlyNote } from '@/components/ui/read-only-note';

export const metadata: Metadata = { title: 'FX rates' };

export default async function FxPage() {
  await connection();
  const actor = await requireUser('viewer');
  const [rates, gaps] = await Promise.all([listFxRates({ actor }), unconvertibleFigures({ actor })]);
  const years = [...new Set(rates.map((r) => r.year))].sort((a, b) => a - b);
  const currencies = [...new Set(rates.map((r) => r.currency))];
  const rate = new Map(rates.map((r) => [`${r.currency}|${r.year}`, r.usdPerUnit]));
  return (
    <>
      <PageHeader title="FX rates">
        USD per one unit of each currency, the average of a calendar year. Figures convert at the rate of the year they are shown
        for; USD needs no rate.
      </PageHeader>
      {!hasRole(actor.role, 'analyst') && (
        <ReadOnlyNote>You can read and export the rates; an analyst or an admin sets them.</ReadOnlyNote>
      )}
      {hasRole(actor.role, 'analyst') && (
        <div className="card">
          <SetRateForm rates={rates} />
          <p className="hint">
            Many rates at once: <Link href="/import">import fx.csv</Link>.
          </p>
        </div>
      )}
      {rates.length === 0 ? (
        <p className="card empty">No rates yet: every figure in a currency other than USD is missing from the analytics.</p>
      ) : (
        <Table columns={['Currency', ...years.map(String)]} label="FX rates">
          {currencies.map((c) => (
            <tr key={c}>
              <th scope="row" className="mono">
                {c}
              </th>
              {years.map((y) => (
                <td key={y} className="num mono">
                  {rate.get(`${c}|${y}`) ?? <span className="muted">—</span>}
                </td>
              ))}
            </tr>
          ))}
        </Table>
      )}
      <h2>Figures without a rate for their fiscal year</h2>
      {gaps.length === 0 ? (
        <p className="card empty">Every figure has a rate for its year.</p>
      ) : (
        <Table columns={['Missing rate', 'Figures', 'Companies']} label="Figures without a rate">
          {gaps.map((g) => (
            <tr key={`${g.currency}-${g.year}`}>
              <td>
                no {g.currency} rate for {g.year}
              </td>
              <td className="num">{g.figures}</td>
              <td>{g.companies.join(', ')}</td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
