import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { idParam } from '@/lib/api/query';
import { deleteFigure } from '@/lib/dal/figures';
import { deleteFigureSchema } from '@/lib/figures/schema';

/** DELETE /api/v1/figures/{id}?version= → 204; recorded in the history, from which it can be restored. */
export const DELETE = withAuth<{ id: string }>('analyst', async ({ req, actor, params }) => {
  const input = deleteFigureSchema.parse({
    id: idParam(params.id, 'No such figure.'),
    version: req.nextUrl.searchParams.get('version') ?? undefined,
  });
  await deleteFigure({ actor }, input);
  return new NextResponse(null, { status: 204 });
});
