import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { FlowNote, LayerStack } from '@/components/layers/layer-stack';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { companyCountsByLayer, listLayers } from '@/lib/dal/layers';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  await connection();
  const actor = await requireUser('viewer');
  const [layers, counts] = await Promise.all([listLayers(actor), companyCountsByLayer(actor)]);
  const countOf = new Map(counts.map((c) => [c.key, c.companies]));
  const total = counts.reduce((sum, c) => sum + c.companies, 0);
  return (
    <>
      <PageHeader title="Where value accrues across the AI stack">
        Companies tracked per layer. A company that earns from several layers counts in each.
      </PageHeader>
      <FlowNote />
      <LayerStack rows={layers.map((l) => ({ ...l, companies: countOf.get(l.key) ?? 0 }))} />
      {total === 0 && (
        <p className="card muted" style={{ marginTop: '1rem' }}>
          The universe is empty. <Link href="/companies/new">Add a company</Link> or{' '}
          <Link href="/import">import a companies.csv</Link>.
        </p>
      )}
    </>
  );
}
