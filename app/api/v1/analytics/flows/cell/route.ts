import { NextResponse } from 'next/server';
import { flowCellQuerySchema } from '@/lib/analytics/schema';
import { withAuth } from '@/lib/api/handler';
import { parseSearch } from '@/lib/api/query';
import { flowCellAnalytics } from '@/lib/dal/analytics';

/**
 * GET /api/v1/analytics/flows/cell (docs/data-contract.md §9) — the flows of one matrix cell, payer layer `from` to
 * payee layer `to`, with their sources: what a link of the dashboard's Sankey sums.
 */
export const GET = withAuth('viewer', async ({ req, actor }) =>
  NextResponse.json(await flowCellAnalytics({ actor }, parseSearch(req, flowCellQuerySchema))),
);
