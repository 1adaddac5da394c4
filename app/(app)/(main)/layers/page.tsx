import type { Metadata } from 'next';
import { connection } from 'next/server';
import { FlowNote } from '@/components/layers/layer-stack';
import { Table } from '@/components/ui/table';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { listLayers } from '@/lib/dal/layers';
import { LAYERS } from '@/lib/domain/layers';

export const metadata: Metadata = { title: 'Layers' };

const colourOf = new Map(LAYERS.map((l) => [l.key, l.colour]));

export default async function LayersPage() {
  await connection();
  const actor = await requireUser('viewer');
  const layers = await listLayers(actor);
  return (
    <>
      <PageHeader title="The six layers">
        Every company is tagged with a share per layer it earns from. The rest of its business is outside the AI stack and counts
        nowhere.
      </PageHeader>
      <FlowNote />
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
              <strong>{l.name}</strong> <span className="muted mono">{l.key}</span>
            </td>
            <td>{l.holds}</td>
            <td>{l.ends}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}
