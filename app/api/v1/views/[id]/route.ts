import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { idParam, jsonBody } from '@/lib/api/query';
import { deleteView, updateView } from '@/lib/dal/saved-views';
import { patchViewSchema } from '@/lib/views/schema';

type Params = { id: string };

const viewId = (params: Params) => idParam(params.id, 'No such view.');

/** PATCH { version, name?, shared?, search?, charts? }: the owner or an admin; 409 with the stored view when stale. */
export const PATCH = withAuth<Params>('viewer', async ({ req, actor, params }) => {
  const id = viewId(params);
  const patch = patchViewSchema.parse(await jsonBody(req));
  return NextResponse.json(await updateView({ actor }, { id, patch }));
});

/** DELETE → 204: the owner or an admin. */
export const DELETE = withAuth<Params>('viewer', async ({ actor, params }) => {
  await deleteView({ actor }, viewId(params));
  return new NextResponse(null, { status: 204 });
});
