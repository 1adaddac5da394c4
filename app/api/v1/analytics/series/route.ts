import { NextResponse } from 'next/server';
import { seriesQuerySchema } from '@/lib/analytics/schema';
import { withAuth } from '@/lib/api/handler';
import { parseSearch } from '@/lib/api/query';
import { seriesAnalytics } from '@/lib/dal/analytics';

/** GET /api/v1/analytics/series (docs/data-contract.md §7) — pools by layer for each year of a range, with like-for-like growth. */
export const GET = withAuth('viewer', async ({ req, actor }) =>
  NextResponse.json(await seriesAnalytics({ actor }, parseSearch(req, seriesQuerySchema))),
);
