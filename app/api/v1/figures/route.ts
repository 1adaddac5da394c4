import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { jsonBody, searchParamsObject } from '@/lib/api/query';
import { figureQuerySchema, listFigures, putFigures } from '@/lib/dal/figures';

/** GET /api/v1/figures?company=&year=&metric= → { items } (values as decimal strings). */
export const GET = withAuth('viewer', async ({ req, actor }) => {
  const query = figureQuerySchema.parse(searchParamsObject(req));
  return NextResponse.json({ items: await listFigures(actor, query) });
});

/** PUT /api/v1/figures { figures: [...] } → all or none; a stale version is a 409 with the stored figure. */
export const PUT = withAuth('analyst', async ({ req, actor }) => NextResponse.json(await putFigures(actor, await jsonBody(req))));
