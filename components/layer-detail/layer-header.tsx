import type { LayerView } from '@/lib/layers/schema';
import type { LayerDetailAnswer } from '@/lib/analytics/query';
import { METRIC_LABELS } from '@/lib/domain/figures/types';
import { LAYERS } from '@/lib/domain/layers';
import { formatSignedPercent, formatUsdMillions } from '@/lib/format';
import styles from './layer-detail.module.css';

/** The layer's name in its colour, what it holds and where it ends (docs/data-contract.md §1), and its pool for the year. */
export function LayerHeader({ layer, answer }: { layer: LayerView; answer: LayerDetailAnswer | null }) {
  const colour = LAYERS.find((l) => l.key === layer.key)?.colour;
  return (
    <header className={styles.header}>
      <span className={styles.swatch} style={{ background: colour }} aria-hidden="true" />
      <div>
        <h1>
          {layer.name}{' '}
          <span className="muted mono">
            layer {layer.position} of {LAYERS.length}
          </span>
        </h1>
        <dl>
          <dt>Holds</dt>
          <dd>{layer.holds}</dd>
          <dt>Ends</dt>
          <dd>{layer.ends}</dd>
        </dl>
        {answer && (
          <p className={styles.headline}>
            <strong>{formatUsdMillions(answer.value)}</strong> of {METRIC_LABELS[answer.metric]} attributed to {layer.name} in{' '}
            {answer.year}
            {answer.growth !== null && <> · {formatSignedPercent(answer.growth)} like-for-like on the year before</>} ·{' '}
            {answer.companies.length} {answer.companies.length === 1 ? 'company' : 'companies'}
          </p>
        )}
      </div>
    </header>
  );
}
