import type { Missing } from '../figures/types';
import type { LayerKey } from '../layers';
import type { ProfileKey } from '../profiles';

/** The exposure profile other than the base whose shares a row carries (docs/data-contract.md §2). */
export type ProfileUsed = ProfileKey;

/**
 * One company of the analysed set for one year and metric: its layer shares and its value in USD millions at
 * full precision (docs/data-contract.md §3–§4), or why it has none. The database computes these rows; the aggregates below are
 * pure functions of them.
 */
export interface CompanyYearValue {
  id: string;
  name: string;
  /**
   * share(c, L) as exact decimal strings, of the profile that applies to the row's metric and year; a layer the
   * company has no exposure to is absent.
   */
  shares: Partial<Record<LayerKey, string>>;
  /** Which profile those shares are: absent or null for the base (`all`, from the beginning). */
  profile?: ProfileUsed | null;
  /**
   * 12 × the value in USD millions, exactly (a decimal string): the numerator Σ value × months × rate of
   * docs/data-contract.md §4, before its one division by 12. Aggregates sum share × this and divide by 12 only for
   * output, so a pool that is exactly half-way between two millionths rounds half-even as the contract says. Null
   * when missing.
   */
  twelfths: string | null;
  /** The value is or includes an estimate. */
  estimated: boolean;
  /** Why the value is missing; null when there is a value. */
  missing: Missing | null;
}

export interface MissingCompany {
  id: string;
  name: string;
  code: Missing['code'];
  reason: string;
}

/** A company whose value in an answer was attributed with a profile other than its base, and which profile. */
export interface ProfileUse {
  id: string;
  name: string;
  scope: ProfileUsed['scope'];
  fromYear: number | null;
}

export interface Coverage {
  /** Companies with a value. */
  included: number;
  /**
   * Companies without one, sorted by name case-insensitively (docs/data-contract.md §5): the first 50 unless all
   * were asked for (§7).
   */
  missing: MissingCompany[];
  /** How many companies have no value, listed or not. */
  missingCount: number;
  /**
   * The included companies whose shares came from a profile other than the base (docs/data-contract.md §2), each
   * with that profile, sorted by name like `missing` and capped like it (the first 50 unless all were asked for).
   * Present only when there is at least one; a company appears once per profile used (a ratio of two metrics may
   * use two).
   */
  profiles?: ProfileUse[];
  /** How many such company-profile pairs there are, listed or not; present with `profiles`. */
  profilesCount?: number;
}
