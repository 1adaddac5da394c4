import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { idParam } from '@/lib/api/query';
import { compareSnapshot } from '@/lib/dal/snapshots';

/** GET → each layer's pools in the snapshot and today, and the data changes since its as-of. */
export const GET = withAuth<{ id: string }>('viewer', async ({ actor, params }) =>
  NextResponse.json(await compareSnapshot({ actor }, idParam(params.id, 'No such snapshot.'))),
);
