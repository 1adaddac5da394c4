export { concentrationOf } from './concentration';
export type { Concentration } from './concentration';
export { COVERAGE_THRESHOLD, coverageListing, coverageOf, isThinCoverage, type CoverageOptions } from './coverage';
export { requiredRevenueGap } from './gap';
export { yearGap } from './year-gap';
export type { GapInput, RequiredRevenueGap } from './gap';
export { poolGrowth } from './growth';
export { likeForLikeRows } from './like-for-like';
export type { LikeForLike } from './like-for-like';
export type { PoolGrowth } from './growth';
export type { LayerAggregate, LayersAggregate, TopCompany } from './layers';
export { compareByName } from './order';
export type { LayerProfitability, Profitability, ProfitabilityInput } from './profitability';
export type { CompanyYearValue, Coverage, MissingCompany } from './types';
export {
  prepareYears,
  yearGrowth,
  yearLayer,
  yearLayerDetail,
  yearLayers,
  yearPoolAmounts,
  yearPools,
  yearProfitability,
  type PreparedYears,
} from './year-aggregates';
