import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { FlowNote, LayerStack } from '@/components/layers/layer-stack';
import { Table } from '@/components/ui/table';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { companyCountsByLayer, listLayers } from '@/lib/dal/layers';
import { LAYERS } from '@/lib/domain/layers';

export const metadata: Metadata = { title: 'Layers' };

const colourOf = new Map(LAYERS.map((l) => [l.key, l.colour]));

export default async function LayersPage() {
  await connection();
  const actor = await requireUser('viewer');
  const [layers, counts] = await Promise.all([listLayers({ actor }), companyCountsByLayer({ actor })]);
  const countOf = new Map(counts.map((c) => [c.key, c.companies]));
  const total = counts.reduce((sum, c) => sum + c.companies, 0);
  return (
    <>
      <PageHeader title="The six layers">
        Every company is tagged with a share per layer it earns from, and counts in each such layer. The rest of its business is
        outside the AI stack and counts nowhere. Open a layer for its pool over time and its companies.
      </PageHeader>
      <FlowNote />
      <LayerStack rows={layers.map((l) => ({ ...l, companies: countOf.get(l.key) ?? 0 }))} />
      {total === 0 && (
        <p className="card muted" style={{ marginTop: '1rem' }}>
          The universe is empty. <Link href="/companies/new">Add a company</Link> or{' '}
          <Link href="/import">import a companies.csv</Link>.
        </p>
      )}
      <h2>What each layer holds</h2>
      <Table columns={['#', 'Layer', 'What it holds', 'Where it ends']}>
        {[...layers].reverse().map((l) => (
          <tr key={l.key} id={l.key}>
            <td>{l.position}</td>
            <td style={{ whiteSpace: 'nowrap' }}>
              <span
                aria-hidden="true"
                style={{
                  display: 'inline-block',
                  width: 10,
                  height: 10,
                  borderRadius: 2,
                  marginRight: 6,
                  background: colourOf.get(l.key),
                }}
              />
              <Link href={`/layers/${l.key}`}>
                <strong>{l.name}</strong>
              </Link>{' '}
              <span className="muted mono">{l.key}</span>
            </td>
            <td>{l.holds}</td>
            <td>{l.ends}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}
