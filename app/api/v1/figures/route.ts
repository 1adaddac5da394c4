import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { jsonBody, parseSearch } from '@/lib/api/query';
import { listFigures, putFigures } from '@/lib/dal/figures';
import { figureBatchBodySchema, figureQuerySchema, parseFigureBatch } from '@/lib/figures/schema';

/** GET /api/v1/figures?company=&year=&metric= → { items } (values as decimal strings). */
export const GET = withAuth('viewer', async ({ req, actor }) =>
  NextResponse.json({ items: await listFigures({ actor }, parseSearch(req, figureQuerySchema)) }),
);

/** PUT /api/v1/figures { figures: [...] } → all or none; a stale version is a 409 with the stored figure. */
export const PUT = withAuth('analyst', async ({ req, actor }) => {
  const batch = parseFigureBatch(figureBatchBodySchema.parse(await jsonBody(req)));
  return NextResponse.json(await putFigures({ actor }, batch));
});
