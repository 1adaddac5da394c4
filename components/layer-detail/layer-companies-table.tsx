import Link from 'next/link';
import type { LayerDetailAnswer } from '@/lib/analytics/query';
import { METRIC_LABELS } from '@/lib/domain/figures/types';
import { profileLabel } from '@/lib/domain/profiles';
import { formatPercent, formatSignedPercent, formatUsdMillions } from '@/lib/format';
import styles from './layer-detail.module.css';

/**
 * Every company of the layer: those with a value by attributed value (as the API orders them), then those without
 * one and why, so the table accounts for the whole layer.
 */
export function LayerCompaniesTable({ answer }: { answer: LayerDetailAnswer }) {
  const { name, year, companies, coverage } = answer;
  const metric = METRIC_LABELS[answer.metric];
  return (
    <section className={`card ${styles.tableCard}`} aria-labelledby="layer-companies-title">
      <h2 id="layer-companies-title">
        {name} companies, {year}
      </h2>
      <p className="muted">
        Attributed {metric} = the company&apos;s {metric} × its share in {name}. Growth compares a company&apos;s attributed{' '}
        {metric} with the year before.
      </p>
      {companies.length === 0 && coverage.missingCount === 0 ? (
        <p className="empty">
          No company of the set is tagged to {name}. Set a company&apos;s shares on its page, or{' '}
          <Link href="/import">import a companies.csv</Link>.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label={`${name} companies`}>
            <thead>
              <tr>
                <th scope="col">Company</th>
                <th scope="col" className={styles.num}>
                  Share in {name}
                </th>
                <th scope="col" className={styles.num}>
                  Attributed {metric}
                </th>
                <th scope="col" className={styles.num}>
                  Share of the layer
                </th>
                <th scope="col" className={styles.num}>
                  Growth
                </th>
              </tr>
            </thead>
            <tbody>
              {companies.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/companies/${c.id}`}>{c.name}</Link>
                    {c.estimated && <span className={styles.estimate}>estimate</span>}
                  </td>
                  <td className={styles.num}>
                    {formatPercent(c.layerShare)}
                    {c.profile && (
                      <span className={styles.estimate} title="The exposure profile these shares come from">
                        {profileLabel(c.profile)}
                      </span>
                    )}
                  </td>
                  <td className={styles.num}>{formatUsdMillions(c.value)}</td>
                  <td className={styles.num}>{formatPercent(c.shareOfLayer)}</td>
                  <td className={styles.num}>{formatSignedPercent(c.growth)}</td>
                </tr>
              ))}
              {coverage.missing.map((m) => (
                <tr key={m.id} className={styles.missing}>
                  <td>
                    <Link href={`/companies/${m.id}#figures`}>{m.name}</Link>
                  </td>
                  <td colSpan={4}>Not counted: {m.reason}</td>
                </tr>
              ))}
              {coverage.missingCount > coverage.missing.length && (
                <tr className={styles.missing}>
                  <td colSpan={5}>…and {coverage.missingCount - coverage.missing.length} more companies not counted</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
