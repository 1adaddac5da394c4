import { NextResponse } from 'next/server';
import { layersQuerySchema } from '@/lib/analytics/schema';
import { withAuth } from '@/lib/api/handler';
import { parseSearch } from '@/lib/api/query';
import { layerAnalytics } from '@/lib/dal/analytics';

/** GET /api/v1/analytics/layers (docs/data-contract.md §7) — one year's layer pools, shares, concentration, top companies and coverage. */
export const GET = withAuth('viewer', async ({ req, actor }) =>
  NextResponse.json(await layerAnalytics({ actor }, parseSearch(req, layersQuerySchema))),
);
