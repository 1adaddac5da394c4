import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { jsonBody } from '@/lib/api/query';
import { createView, listViews } from '@/lib/dal/saved-views';
import { createViewSchema } from '@/lib/views/schema';

/** GET /api/v1/views → { items }: the caller's own views and the team's shared ones, the latest changed first. */
export const GET = withAuth('viewer', async ({ actor }) => NextResponse.json({ items: await listViews({ actor }) }));

/** POST /api/v1/views { name, shared?, search?, charts? } → 201 with the saved view; every role may save its own. */
export const POST = withAuth('viewer', async ({ req, actor }) => {
  const input = createViewSchema.parse(await jsonBody(req));
  return NextResponse.json(await createView({ actor }, input), { status: 201 });
});
