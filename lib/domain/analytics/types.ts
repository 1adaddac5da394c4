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
  /** USD millions, full precision (a decimal string); null when missing. */
  value: string | null;
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
}
