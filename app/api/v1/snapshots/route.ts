import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { jsonBody } from '@/lib/api/query';
import { freezeSnapshot, listSnapshots } from '@/lib/dal/snapshots';
import { freezeSnapshotSchema } from '@/lib/snapshots/schema';

/** GET /api/v1/snapshots → { items }: every snapshot, the newest first, without its answers. */
export const GET = withAuth('viewer', async ({ actor }) => NextResponse.json({ items: await listSnapshots({ actor }) }));

/** POST /api/v1/snapshots { name, search?, charts? } → 201: the dashboard of `search`, frozen (analyst). */
export const POST = withAuth('analyst', async ({ req, actor }) => {
  const input = freezeSnapshotSchema.parse(await jsonBody(req));
  return NextResponse.json(await freezeSnapshot({ actor }, input), { status: 201 });
});
