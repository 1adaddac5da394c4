/**
 * Under this share of the companies it should count, a pool is too partial to compare (issue 6): the layer-pools
 * chart greys such a layer and the dashboard's summary says its coverage is thin.
 */
export const LOW_COVERAGE_SHARE = 0.8;

/** `included` of `included + missing` companies is under LOW_COVERAGE_SHARE. */
export const isLowCoverage = (included: number, missing: number) => included < LOW_COVERAGE_SHARE * (included + missing);
