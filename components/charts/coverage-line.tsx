import Link from 'next/link';
import type { Coverage, MissingCompany } from '@/lib/domain/analytics/types';
import { profileLabel } from '@/lib/domain/profiles';
import { formatCount } from '@/lib/format';
import styles from './charts.module.css';

/**
 * "38 companies · 3 missing · 2 on profiles": opens to the missing companies and why each is missing, and to the
 * companies whose numbers used an exposure profile other than their base, with the profile (docs/data-contract.md §2).
 */
export function CoverageLine({
  coverage,
  label = 'companies',
  one = 'company',
  missingHref = (m) => `/companies/${m.id}#figures`,
}: {
  coverage: Coverage;
  /** What is counted, in the plural, and `one` of them: "companies" and "company". */
  label?: string;
  one?: string;
  /** Where a missing item leads to be fixed: a company's figures, or the FX rates for a flow without a rate. */
  missingHref?: (missing: MissingCompany) => string;
}) {
  const { included, missing, missingCount } = coverage;
  const profiles = coverage.profiles ?? [];
  const profilesCount = coverage.profilesCount ?? 0;
  const text = `${formatCount(included, one, label)}${missingCount ? ` · ${missingCount} missing` : ' · none missing'}${
    profilesCount ? ` · ${profilesCount} on ${profilesCount === 1 ? 'a profile' : 'profiles'}` : ''
  }`;
  if (missingCount === 0 && profilesCount === 0) return <span className={styles.coverage}>{text}</span>;
  return (
    <details className={styles.coverage}>
      <summary>{text}</summary>
      <div className={styles.coveragePopover}>
        {missingCount > 0 && (
          <ul role="group" aria-label={`Missing ${label}`}>
            {missing.map((m) => (
              <li key={m.id}>
                <Link href={missingHref(m)}>{m.name}</Link>: {m.reason}
              </li>
            ))}
            {missingCount > missing.length && <li>…and {missingCount - missing.length} more</li>}
          </ul>
        )}
        {profilesCount > 0 && (
          <>
            <p>Attributed with an exposure profile other than the company&apos;s base:</p>
            <ul role="group" aria-label="Companies on exposure profiles">
              {profiles.map((p) => (
                <li key={`${p.id}|${p.scope}|${p.fromYear ?? ''}`}>
                  <Link href={`/companies/${p.id}`}>{p.name}</Link>: {profileLabel(p)}
                </li>
              ))}
              {profilesCount > profiles.length && <li>…and {profilesCount - profiles.length} more</li>}
            </ul>
          </>
        )}
      </div>
    </details>
  );
}
