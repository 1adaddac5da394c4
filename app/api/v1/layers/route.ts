import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { listLayers } from '@/lib/dal/layers';

/** GET /api/v1/layers → the six layers in stack order. */
export const GET = withAuth('viewer', async ({ actor }) => {
  const layers = await listLayers({ actor });
  return NextResponse.json({ layers });
});
