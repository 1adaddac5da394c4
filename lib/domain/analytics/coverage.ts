import { compareByName } from './order';
import { assertUniqueIds } from './pools';
import type { CompanyYearValue, Coverage, MissingCompany } from './types';

/**
 * How many companies have a value, and which do not and why, sorted by name case-insensitively (docs/data-contract.md §5).
 * A row is included exactly when it has a value; a row with neither a value nor a reason breaks the input
 * contract and is refused rather than guessed at.
 */
export function coverageOf(rows: readonly CompanyYearValue[]): Coverage {
  assertUniqueIds(rows);
  let included = 0;
  const missing: MissingCompany[] = [];
  for (const row of rows) {
    if (row.value !== null) included += 1;
    else if (row.missing === null) throw new Error(`company ${row.id} has neither a value nor a reason for missing one`);
    else missing.push({ id: row.id, name: row.name, code: row.missing.code, reason: row.missing.reason });
  }
  return { included, missing: missing.sort(compareByName) };
}
