import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { idParam } from '@/lib/api/query';
import { deleteSnapshot, getSnapshot } from '@/lib/dal/snapshots';

type Params = { id: string };

const snapshotId = (params: Params) => idParam(params.id, 'No such snapshot.');

/** GET → the snapshot with the answers it froze, as the analytics API gave them. */
export const GET = withAuth<Params>('viewer', async ({ actor, params }) =>
  NextResponse.json(await getSnapshot({ actor }, snapshotId(params))),
);

/** DELETE → 204: admins only, audited. */
export const DELETE = withAuth<Params>('admin', async ({ actor, params }) => {
  await deleteSnapshot({ actor }, snapshotId(params));
  return new NextResponse(null, { status: 204 });
});
