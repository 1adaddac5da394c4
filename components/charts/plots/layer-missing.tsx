import type { Coverage } from '@/lib/domain/analytics/types';

/** How many shown in a tooltip before "and N more": the card's coverage line lists every one. */
const SHOWN = 8;

/**
 * A tooltip's lines on a layer's coverage for a ratio: how many of its companies have `both` metrics, and, when the
 * layer is greyed (`low`), who is missing and why.
 */
export function LayerMissing({ coverage, low, both }: { coverage: Coverage; low: boolean; both: string }) {
  const of = coverage.included + coverage.missingCount;
  return (
    <div className="muted">
      {coverage.included} of {of} of the layer&apos;s companies have {both}
      {low && ': under 80%, so the layer is greyed. Missing:'}
      {low && (
        <ul style={{ margin: 0, paddingLeft: '1rem' }}>
          {coverage.missing.slice(0, SHOWN).map((m) => (
            <li key={m.id}>
              {m.name}: {m.reason}
            </li>
          ))}
          {coverage.missingCount > SHOWN && <li>…and {coverage.missingCount - SHOWN} more</li>}
        </ul>
      )}
    </div>
  );
}
