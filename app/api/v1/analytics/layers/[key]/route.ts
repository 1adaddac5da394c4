import { NextResponse } from 'next/server';
import { layerKeySchema, layersQuerySchema } from '@/lib/analytics/schema';
import { withAuth } from '@/lib/api/handler';
import { parseSearch } from '@/lib/api/query';
import { layerDetailAnalytics } from '@/lib/dal/analytics/layer-detail';
import { LAYER_KEYS } from '@/lib/domain/layers';
import { NotFoundError } from '@/lib/errors';

/**
 * GET /api/v1/analytics/layers/{key}?year=… — one layer's pool and its companies by attributed value for `year`, and
 * its pool in each of the years up to `year` that the dashboard's over-time charts show; an unknown key is a 404.
 */
export const GET = withAuth<{ key: string }>('viewer', async ({ req, actor, params }) => {
  const layer = layerKeySchema.safeParse(params.key);
  if (!layer.success) throw new NotFoundError(`No layer “${params.key}”. The layers are ${LAYER_KEYS.join(', ')}.`);
  const query = { ...parseSearch(req, layersQuerySchema), layer: layer.data };
  return NextResponse.json(await layerDetailAnalytics({ actor }, query));
});
