import Link from 'next/link';
import type { Coverage } from '@/lib/domain/analytics/types';
import styles from './charts.module.css';

/** "38 companies · 3 missing": opens to the missing companies and why each is missing. */
export function CoverageLine({ coverage, label = 'companies' }: { coverage: Coverage; label?: string }) {
  const { included, missing, missingCount } = coverage;
  const text = `${included} ${label}${missingCount ? ` · ${missingCount} missing` : ' · none missing'}`;
  if (missingCount === 0) return <span className={styles.coverage}>{text}</span>;
  return (
    <details className={styles.coverage}>
      <summary>{text}</summary>
      <div className={styles.coveragePopover} role="group" aria-label="Missing companies">
        <ul>
          {missing.map((m) => (
            <li key={m.id}>
              <Link href={`/companies/${m.id}#figures`}>{m.name}</Link>: {m.reason}
            </li>
          ))}
          {missingCount > missing.length && <li>…and {missingCount - missing.length} more</li>}
        </ul>
      </div>
    </details>
  );
}
