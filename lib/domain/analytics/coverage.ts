import { caseFold } from '../case-fold';
import { compareCodePoints, firstInOrder } from './order';
import { assertUniqueIds } from './pools';
import type { CompanyYearValue, Coverage, MissingCompany, ProfileUse } from './types';

/**
 * The share of a set that must have a value for a year (or a layer) to read as complete: the default year needs it
 * (docs/data-contract.md §8), and a chart greys or fades a layer or year below it.
 */
export const COVERAGE_THRESHOLD = 0.8;

/** Fewer than COVERAGE_THRESHOLD of the companies have a value (none at all counts as thin when any is missing). */
export function isThinCoverage(included: number, missing: number): boolean {
  return included < COVERAGE_THRESHOLD * (included + missing);
}

/** How many missing companies an answer names unless asked for all of them (docs/data-contract.md §7). */
export const MISSING_LISTED = 50;

/** How many of the missing companies to name: `MISSING_LISTED`, or all of them (`Infinity`). */
export interface CoverageOptions {
  listed?: number;
}

/** What an answer's `missing` parameter asks for: every missing company (`all`), or the first MISSING_LISTED. */
export function coverageListing(missing: 'all' | undefined): CoverageOptions {
  return { listed: missing === 'all' ? Infinity : MISSING_LISTED };
}

/** Who a coverage counts, named in no particular order: sorting waits until the listing says how many to name. */
interface Gathered {
  included: number;
  missing: MissingCompany[];
  profiles: ProfileUse[];
}

/**
 * How many companies have a value, and which do not and why, sorted by name case-insensitively (docs/data-contract.md §5):
 * the first `listed` of them named, `missingCount` counting all. A row is included exactly when it has a value; a
 * row with neither a value nor a reason breaks the input contract and is refused rather than guessed at.
 */
export function coverageOf(rows: readonly CompanyYearValue[], { listed = Infinity }: CoverageOptions = {}): Coverage {
  return listing(gather(rows), listed);
}

function gather(rows: readonly CompanyYearValue[]): Gathered {
  assertUniqueIds(rows);
  const gathered: Gathered = { included: 0, missing: [], profiles: [] };
  for (const row of rows) {
    if (row.twelfths !== null) {
      gathered.included += 1;
      if (row.profile)
        gathered.profiles.push({ id: row.id, name: row.name, scope: row.profile.scope, fromYear: row.profile.fromYear });
    } else if (row.missing === null) throw new Error(`company ${row.id} has neither a value nor a reason for missing one`);
    else gathered.missing.push({ id: row.id, name: row.name, code: row.missing.code, reason: row.missing.reason });
  }
  return gathered;
}

function listing({ included, missing, profiles }: Gathered, listed: number): Coverage {
  return { included, missing: firstByName(missing, listed), missingCount: missing.length, ...profileListing(profiles, listed) };
}

/** `profiles` and `profilesCount` of a coverage, or nothing when no company used a profile other than its base. */
export function profileListing(profiles: readonly ProfileUse[], listed = Infinity): Pick<Coverage, 'profiles' | 'profilesCount'> {
  return profiles.length === 0 ? {} : { profiles: firstByName(profiles, listed), profilesCount: profiles.length };
}

/**
 * The companies behind a ratio of two metrics of the same set of companies: those with both. A company missing
 * either is missing; one missing both for different reasons keeps both, its code `no_figure` when either is
 * (docs/data-contract.md §5).
 */
export function coverageOfBoth(
  firstRows: readonly CompanyYearValue[],
  secondRows: readonly CompanyYearValue[],
  { listed = Infinity }: CoverageOptions = {},
): Coverage {
  const [first, second] = [gather(firstRows), gather(secondRows)];
  const byId = new Map<string, MissingCompany>();
  for (const company of [...first.missing, ...second.missing]) {
    const seen = byId.get(company.id);
    if (!seen) byId.set(company.id, company);
    else if (seen.reason !== company.reason)
      byId.set(company.id, {
        ...seen,
        code: seen.code === 'no_figure' || company.code === 'no_figure' ? 'no_figure' : seen.code,
        reason: `${seen.reason}; ${company.reason}`,
      });
  }
  // The profiles of the companies the ratio includes (those with both metrics), once per company and profile.
  const seen = new Set<string>();
  const profiles = [...first.profiles, ...second.profiles].filter((p) => {
    const key = `${p.id}|${p.scope}|${p.fromYear}`;
    if (byId.has(p.id) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const missing = [...byId.values()];
  return listing({ included: first.included + first.missing.length - missing.length, missing, profiles }, listed);
}

/**
 * The first `count` companies by name (`compareByName`'s order), each name case-folded once — a sort that folds
 * in every comparison folds each of 10,000 names some 26 times — and without sorting all of them when few are wanted.
 */
function firstByName<C extends { id: string; name: string }>(companies: readonly C[], count: number): C[] {
  const keyed = companies.map((c) => ({ c, key: caseFold(c.name) }));
  const before = (a: (typeof keyed)[number], b: (typeof keyed)[number]) =>
    compareCodePoints(a.key, b.key) || compareCodePoints(a.c.id, b.c.id);
  const first = count >= companies.length ? keyed.sort(before) : firstInOrder(keyed, count, before);
  return first.map((k) => k.c);
}
