import 'server-only';
import type { Database } from '@/db/types';
import { companies } from '@/db/schema';
import { caseFold } from '../domain/case-fold';
import { closestName } from '../domain/closest-name';

/** A company a CSV cell names, with what the importers need of it. */
export interface CompanyRef {
  id: string;
  name: string;
  currency: string;
  fiscalYearEndMonth: number;
  archived: boolean;
}

/** How many distinct unknown names of one file get a "did you mean": each costs a pass over every company. */
const SUGGESTED = 50;

/**
 * Resolves a `company` cell (figures.csv, exposures.csv, flows.csv; docs/data-contract.md §6): a name, else a ticker,
 * both case-folded. A string that is one company's name and another's ticker is ambiguous and refused; an unknown
 * one is refused with the closest name when one is a slip away ("did you mean Orbit Compute?").
 */
export function companyResolver(rows: readonly (CompanyRef & { nameKey: string; tickerKey: string | null })[]) {
  const byName = new Map(rows.map((r) => [r.nameKey, r]));
  const byTicker = new Map(rows.flatMap((r) => (r.tickerKey ? [[r.tickerKey, r] as const] : [])));
  const candidates = rows.map((r) => ({ key: r.nameKey, name: r.name }));
  const unknown = new Map<string, string>();
  return (cell: string): CompanyRef | string => {
    const key = caseFold(cell);
    const named = byName.get(key);
    const ticked = byTicker.get(key);
    if (named && ticked && named.id !== ticked.id)
      return `"${cell}" is the name of ${named.name} and the ticker of ${ticked.name}; use the full name`;
    const found = named ?? ticked;
    if (found) return found;
    let message = unknown.get(key);
    if (message === undefined) {
      const suggestion = unknown.size < SUGGESTED ? closestName(cell, candidates) : null;
      message = `unknown company "${cell}"${suggestion ? `; did you mean ${suggestion}?` : ''}`;
      unknown.set(key, message);
    }
    return message;
  };
}

/** The resolver of a file's `company` cells, over every stored company. */
export async function companyResolverOf(db: Database) {
  return companyResolver(
    await db
      .select({
        id: companies.id,
        name: companies.name,
        nameKey: companies.nameKey,
        tickerKey: companies.tickerKey,
        currency: companies.currency,
        fiscalYearEndMonth: companies.fiscalYearEndMonth,
        archived: companies.archived,
      })
      .from(companies),
  );
}
