import 'server-only';
import { and, sql } from 'drizzle-orm';
import { companies, exposureProfiles, exposures, profileExposures } from '@/db/schema';
import { coverageListing, prepareYears, yearLayer, yearLayerDetail } from '../../domain/analytics';
import { FIRST_YEAR } from '../../domain/years';
import { SERIES_YEARS, type LayerDetailAnswer, type LayerDetailQuery } from '../../analytics/schema';
import { dbOf, type Ctx } from '../context';
import { assertRole } from '../guard';
import { answerOncePerVersion } from './answer-cache';
import { companySetCondition } from './company-set';
import { companyValues } from './company-values';

/**
 * GET /api/v1/analytics/layers/{key}: one layer for one year — its pool, its companies with their attributed
 * values, shares and growth, the layer's own coverage — and the pool over the SERIES_YEARS years up to `year`, each
 * with its like-for-like growth and how many of the layer's companies have a value. One query reads every year
 * needed, the year before the series' first included, for the layer's companies only: a company with no share in
 * the layer adds nothing to any of its numbers (its pool, growth, coverage and table), and leaving the others out
 * reads about a third of the set (bench/README.md, "Against hand-written SQL"). Every year's rows are read once into
 * exact scaled integers (`prepareYears`): the selected year's table, pool and growth and each year of the series come
 * from those, equal to the reference `layerDetail` digit for digit without its decimal arithmetic row by row.
 */
export const layerDetailAnalytics = answerOncePerVersion('layer-detail', computeLayerDetail);
async function computeLayerDetail(ctx: Ctx, query: LayerDetailQuery): Promise<Omit<LayerDetailAnswer, 'asOf'>> {
  assertRole(ctx.actor, 'viewer');
  const { year, metric, basis, layer } = query;
  const first = Math.max(FIRST_YEAR, year - SERIES_YEARS + 1);
  const db = await dbOf(ctx);
  const byYear = await companyValues(db, {
    from: Math.max(FIRST_YEAR, first - 1),
    to: year,
    metric,
    basis,
    estimates: query.estimates,
    companySet: and(
      await companySetCondition(db, query),
      // A share in the layer in any of its profiles (the base or another): which one applies to a year is the
      // domain's decision; a company with none adds nothing to the layer.
      sql`(exists (select 1 from ${exposures} where ${exposures.companyId} = ${companies.id}
          and ${exposures.layerKey} = ${layer} and ${exposures.share} > 0)
        or exists (select 1 from ${exposureProfiles} join ${profileExposures} on ${profileExposures.profileId} = ${exposureProfiles.id}
          where ${exposureProfiles.companyId} = ${companies.id} and ${profileExposures.layerKey} = ${layer}
            and ${profileExposures.share} > 0))`,
    ),
  });
  // The table of companies is the selected year's only; the other years need the layer's totals, in one pass each.
  // The listing applies to the detail's coverage; the series counts its companies without naming them.
  const prepared = prepareYears(byYear, coverageListing(query.missing));
  const series = Array.from({ length: year - first + 1 }, (_, i) => first + i).map((y) => ({
    year: y,
    ...yearLayer(prepared, y, layer),
  }));
  const detail = yearLayerDetail(prepared, year, layer, metric);
  return { year, metric, basis, currency: 'USD', ...detail, series };
}
