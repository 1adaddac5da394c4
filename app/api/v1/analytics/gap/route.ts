import { NextResponse } from 'next/server';
import { gapQuerySchema } from '@/lib/analytics/schema';
import { withAuth } from '@/lib/api/handler';
import { parseSearch } from '@/lib/api/query';
import { gapAnalytics } from '@/lib/dal/analytics';

/** GET /api/v1/analytics/gap (docs/data-contract.md §7) — the illustrative required-revenue gap for a year or a range. */
export const GET = withAuth('viewer', async ({ req, actor }) =>
  NextResponse.json(await gapAnalytics({ actor }, parseSearch(req, gapQuerySchema))),
);
