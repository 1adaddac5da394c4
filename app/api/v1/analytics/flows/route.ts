import { NextResponse } from 'next/server';
import { flowsQuerySchema } from '@/lib/analytics/schema';
import { withAuth } from '@/lib/api/handler';
import { parseSearch } from '@/lib/api/query';
import { flowAnalytics } from '@/lib/dal/analytics';

/** GET /api/v1/analytics/flows (docs/data-contract.md §9) — who pays whom across the stack, per layer and in total, for one year. */
export const GET = withAuth('viewer', async ({ req, actor }) =>
  NextResponse.json(await flowAnalytics({ actor }, parseSearch(req, flowsQuerySchema))),
);
