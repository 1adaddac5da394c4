import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { idParam } from '@/lib/api/query';
import { deleteFlow } from '@/lib/dal/flows';
import { deleteFlowSchema } from '@/lib/flows/schema';

/** DELETE /api/v1/flows/{id}?version= → 204; recorded in the history, from which it can be restored. */
export const DELETE = withAuth<{ id: string }>('analyst', async ({ req, actor, params }) => {
  const input = deleteFlowSchema.parse({
    id: idParam(params.id, 'No such flow.'),
    version: req.nextUrl.searchParams.get('version') ?? undefined,
  });
  await deleteFlow({ actor }, input);
  return new NextResponse(null, { status: 204 });
});
