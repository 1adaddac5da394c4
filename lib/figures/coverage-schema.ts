import type { FigureCoverageQuery } from '../domain/figure-coverage-query';

/**
 * The figures page's answer: for one fiscal year and metric, each company of the set with its chosen value or the
 * reason it has none. The query it answers is `FigureCoverageQuery`, read from the URL.
 */

export interface CoverageCompany {
  id: string;
  name: string;
  ticker: string | null;
}

/** A company's chosen value and where it comes from. */
export interface CoverageValue {
  /** Millions of `currency`, an exact canonical decimal string. */
  value: string;
  currency: string;
  from: 'reported' | 'estimate' | 'quarters';
  /** The value is or includes an estimate. */
  estimated: boolean;
  /** How the value was made, for display: `reported`, `estimate`, `4 quarters (Q4 estimate)`. */
  kind: string;
  /** The distinct sources and notes of the figures used, in quarter order. */
  sources: string[];
  notes: string[];
  /** The newest change among the figures used, and who made it. */
  updatedAt: string;
  updatedBy: string;
  /** Set when the value has no USD rate for the year, e.g. `no TWD rate for 2024`; it is still a value. */
  fxWarning: string | null;
}

export type CoverageRow = CoverageCompany & (({ ok: true } & CoverageValue) | { ok: false; reason: string });

export interface FigureCoverage {
  query: FigureCoverageQuery;
  /** The list as stored (the query matches it case-insensitively), or null for every company. */
  list: string | null;
  /** The list name asked for when no list has it; the result is then empty. */
  unknownList: string | null;
  /** The companies of the set that `query.show` keeps, by name case-insensitively. */
  rows: CoverageRow[];
  /** Over the whole set, whatever `query.show` keeps. */
  counts: { companies: number; withValue: number; missing: number; estimated: number; noFxRate: number };
}
