import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { searchParamsObject } from '@/lib/api/query';
import { gapAnalytics } from '@/lib/dal/analytics';

/** GET /api/v1/analytics/gap (SPEC §7) — the illustrative required-revenue gap for a year or a range. */
export const GET = withAuth('viewer', async ({ req, actor }) =>
  NextResponse.json(await gapAnalytics(actor, searchParamsObject(req))),
);
