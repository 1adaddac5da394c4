import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db/client';
import type { Actor } from '../../domain/actor';
import { layerDetail } from '../../domain/analytics/layer-detail';
import { oneYearParamsSchema } from '../../domain/analytics/params';
import { SERIES_YEARS } from '../../domain/dashboard/queries';
import { LAYER_KEYS } from '../../domain/layers';
import { NotFoundError } from '../../errors';
import { assertRole } from '../guard';
import { companySetCondition } from './company-set';
import { companyValues } from './company-values';

const layerKeySchema = z.enum(LAYER_KEYS);

/** The first year analytics answer for (the parameters' lower bound). */
const FIRST_YEAR = 1990;

/**
 * GET /api/v1/analytics/layers/{key}: one layer for one year — its pool, its companies with their attributed
 * values, shares and growth, the layer's own coverage — and the pool over the SERIES_YEARS years up to `year`, each
 * with its like-for-like growth and how many of the layer's companies have a value. One query reads every year
 * needed, the year before the series' first included.
 */
export async function layerDetailAnalytics(actor: Actor, key: string, raw: unknown) {
  assertRole(actor, 'viewer');
  const layer = layerKeySchema.safeParse(key);
  if (!layer.success) throw new NotFoundError(`No layer “${key}”. The layers are ${LAYER_KEYS.join(', ')}.`);
  const params = oneYearParamsSchema.parse(raw);
  const year = params.year!;
  const first = Math.max(FIRST_YEAR, year - SERIES_YEARS + 1);
  const db = await getDb();
  const byYear = await companyValues(db, {
    from: Math.max(FIRST_YEAR, first - 1),
    to: year,
    metric: params.metric,
    basis: params.basis,
    estimates: params.estimates,
    companySet: await companySetCondition(db, params),
  });
  const detailOf = (y: number) => layerDetail(byYear.get(y) ?? [], byYear.get(y - 1) ?? [], layer.data, params.metric);

  const years = Array.from({ length: year - first + 1 }, (_, i) => first + i);
  const details = years.map(detailOf);
  const series = details.map(({ value, growth, coverage, estimated }, i) => ({
    year: years[i]!,
    value,
    growth,
    companies: coverage.included,
    missing: coverage.missing.length,
    estimated,
  }));
  return { year, metric: params.metric, basis: params.basis, currency: 'USD' as const, ...details.at(-1)!, series };
}

export type LayerDetailAnswer = Awaited<ReturnType<typeof layerDetailAnalytics>>;
