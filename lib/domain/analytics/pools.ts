import { Dec } from '../decimal';
import type { LayerKey } from '../layers';
import type { CompanyYearValue } from './types';

/**
 * The reference's own decimals: 100 significant digits, so that a(c, L) = share × value (a value's exact twelfths
 * times a share of up to 20 decimals) and every sum of them are exact, and only divisions round. With the app's 40
 * digits a layer of opposite values could sum to a rounding residue instead of 0 (and a share of it to 10^38).
 *
 * Every amount here is held in twelfths, 12 × USD millions (`CompanyYearValue.twelfths`), and divided by 12 only
 * where it is output (`moneyOfTwelfths`); ratios of two amounts need no division.
 */
const Exact = Dec.clone({ precision: 100 });

/** A company with a value (docs/data-contract.md §5: missing companies are left out), its twelfths parsed once. */
export interface ValuedCompany {
  row: CompanyYearValue;
  twelfths: Dec;
}

/** One company of a layer (share > 0) and its attributed value a(c, L) = share(c, L) × V(c), in twelfths. */
export interface LayerMember {
  id: string;
  name: string;
  estimated: boolean;
  attributed: Dec;
}

/**
 * Row arrays found to hold each company once, so that the many aggregates and coverages of one answer check its
 * rows once: at 50,000 companies the check, repeated by each of them, took over a third of a second of a cold
 * dashboard. An array of
 * rows is never changed once built (the types say `readonly`), so it stays checked.
 */
const checkedRows = new WeakSet<readonly CompanyYearValue[]>();

/**
 * Refuses a company that appears twice: it would count twice in every pool. A query that joins lists or figures
 * can duplicate rows, so this is checked rather than assumed (once per array).
 */
export function assertUniqueIds(rows: readonly CompanyYearValue[]): void {
  if (checkedRows.has(rows)) return;
  const seen = new Set<string>();
  for (const { id } of rows) {
    if (seen.has(id)) throw new Error(`company ${id} appears more than once in the analysed rows`);
    seen.add(id);
  }
  checkedRows.add(rows);
}

/**
 * Marks `rows` as checked without checking them: for rows whose companies are known to be distinct, some of the
 * rows of a checked array, or the same companies as one.
 */
export function knownUnique<R extends readonly CompanyYearValue[]>(rows: R): R {
  checkedRows.add(rows);
  return rows;
}

/**
 * Decimals parsed from a row, kept per row object: one answer aggregates the same rows several times (pools,
 * growth, both-metrics subsets), and parsing and multiplying dominated the time on large universes (bench/).
 */
const parsedValues = new WeakMap<CompanyYearValue, Dec>();
const attributedValues = new WeakMap<CompanyYearValue, Partial<Record<LayerKey, Dec | null>>>();

/** The companies that have a value, in input order. */
export function valuedCompanies(rows: readonly CompanyYearValue[]): ValuedCompany[] {
  assertUniqueIds(rows);
  return rows.flatMap((row) => {
    if (row.twelfths === null) return [];
    let twelfths = parsedValues.get(row);
    if (!twelfths) parsedValues.set(row, (twelfths = new Exact(row.twelfths)));
    return [{ row, twelfths }];
  });
}

/** share(c, L) exactly; 0 when the company has no exposure to the layer. */
export function shareOf(row: CompanyYearValue, key: LayerKey): Dec {
  return new Exact(row.shares[key] ?? 0);
}

/** a(c, L) = share(c, L) × V(c) in twelfths, or null when share(c, L) is not > 0. */
function attributedOf({ row, twelfths }: ValuedCompany, key: LayerKey): Dec | null {
  let cache = attributedValues.get(row);
  if (!cache) attributedValues.set(row, (cache = {}));
  let attributed = cache[key];
  if (attributed === undefined) {
    const share = row.shares[key];
    attributed = cache[key] = share !== undefined && new Exact(share).gt(0) ? new Exact(share).times(twelfths) : null;
  }
  return attributed;
}

/** The companies of layer L: those with share(c, L) > 0, whatever the sign of their value (docs/data-contract.md §5). */
export function layerMembers(companies: readonly ValuedCompany[], key: LayerKey): LayerMember[] {
  return companies.flatMap((company) => {
    const attributed = attributedOf(company, key);
    const { row } = company;
    return attributed ? [{ id: row.id, name: row.name, estimated: row.estimated, attributed }] : [];
  });
}

/** A decimal string at the reference's exact precision. */
export function exact(value: string): Dec {
  return new Exact(value);
}

export function sum(values: readonly Dec[]): Dec {
  return values.reduce((total, v) => total.plus(v), new Exact(0));
}

/** The pool P(L) = Σ_c a(c, L) over the given companies, in twelfths. */
export function layerPool(companies: readonly ValuedCompany[], key: LayerKey): Dec {
  return sum(layerMembers(companies, key).map((m) => m.attributed));
}

/** The companies whose id is in `ids`, for like-for-like and both-metrics pools. */
export function onlyIds(companies: readonly ValuedCompany[], ids: ReadonlySet<string>): ValuedCompany[] {
  return companies.filter((c) => ids.has(c.row.id));
}

export function idsOf(companies: readonly ValuedCompany[]): Set<string> {
  return new Set(companies.map((c) => c.row.id));
}
