import { compareByName } from '../domain/analytics/order';
import type { Coverage, MissingCompany } from '../domain/analytics/types';

/**
 * The companies behind a ratio of two metrics (of the same set): those with both. A company missing either is
 * missing; one missing both for different reasons keeps both, its code `no_figure` when either is
 * (docs/data-contract.md §5).
 */
export function coverageOfBoth(first: Coverage, second: Coverage): Coverage {
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
  const missing = [...byId.values()].sort(compareByName);
  return { included: first.included + first.missing.length - missing.length, missing };
}
