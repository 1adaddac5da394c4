import { NextResponse } from 'next/server';
import { z } from 'zod';
import { withAuth } from '@/lib/api/handler';
import { deleteFigure } from '@/lib/dal/figures';

const versionSchema = z.object({ version: z.coerce.number('Send ?version= (the version you read).').int().min(1) });

/** DELETE /api/v1/figures/{id}?version= → 204; recorded in the history, from which it can be restored. */
export const DELETE = withAuth<{ id: string }>('analyst', async ({ req, actor, params }) => {
  const { version } = versionSchema.parse({ version: req.nextUrl.searchParams.get('version') ?? undefined });
  await deleteFigure(actor, params.id, version);
  return new NextResponse(null, { status: 204 });
});
