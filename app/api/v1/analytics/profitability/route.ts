import { NextResponse } from 'next/server';
import { profitabilityQuerySchema } from '@/lib/analytics/schema';
import { withAuth } from '@/lib/api/handler';
import { parseSearch } from '@/lib/api/query';
import { profitabilityAnalytics } from '@/lib/dal/analytics';

/** GET /api/v1/analytics/profitability (docs/data-contract.md §7) — revenue, capex, operating income, capex intensity and the profit pool by layer. */
export const GET = withAuth('viewer', async ({ req, actor }) =>
  NextResponse.json(await profitabilityAnalytics({ actor }, parseSearch(req, profitabilityQuerySchema))),
);
