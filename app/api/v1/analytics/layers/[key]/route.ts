import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { searchParamsObject } from '@/lib/api/query';
import { layerDetailAnalytics } from '@/lib/dal/analytics/layer-detail';

/**
 * GET /api/v1/analytics/layers/{key}?year=… — one layer's pool and its companies by attributed value for `year`, and
 * its pool in each of the years up to `year` that the dashboard's over-time charts show; an unknown key is a 404.
 */
export const GET = withAuth<{ key: string }>('viewer', async ({ req, actor, params }) =>
  NextResponse.json(await layerDetailAnalytics(actor, params.key, searchParamsObject(req))),
);
