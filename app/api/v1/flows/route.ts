import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { jsonBody, parseSearch } from '@/lib/api/query';
import { listFlows, putFlows } from '@/lib/dal/flows';
import { flowBatchBodySchema, flowQuerySchema, parseFlowBatch } from '@/lib/flows/schema';

/** GET /api/v1/flows?company=&year= → { items }: the company's flows as payer or payee (values as decimal strings). */
export const GET = withAuth('viewer', async ({ req, actor }) =>
  NextResponse.json({ items: await listFlows({ actor }, parseSearch(req, flowQuerySchema)) }),
);

/** PUT /api/v1/flows { flows: [...] } → all or none; a stale version is a 409 with the stored flow. */
export const PUT = withAuth('analyst', async ({ req, actor }) => {
  const batch = parseFlowBatch(flowBatchBodySchema.parse(await jsonBody(req)));
  return NextResponse.json(await putFlows({ actor }, batch));
});
