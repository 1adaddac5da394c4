'use client';

import { canonicalDecimal, Dec } from '@/lib/domain/decimal';
import { PERCENT_COLUMNS, percentTotal, totalIsComplete, type PercentColumn, type Percentages } from '@/lib/domain/company-form';
import { LAYERS, layerLabel, type LayerKey } from '@/lib/domain/layers';
import { PALETTE } from '@/lib/charts/palette';

const NAMES: Record<PercentColumn, string> = {
  ...Object.fromEntries(LAYERS.map((l) => [l.key, layerLabel(l)])),
  outside: 'Outside the AI stack',
} as Record<PercentColumn, string>;
const COLOURS = new Map<PercentColumn, string>([...LAYERS.map((l) => [l.key, l.colour] as const), ['outside', PALETTE.outside]]);

/**
 * The six layers bottom-up plus "outside the AI stack", each a percentage, with a live total that must reach
 * 100% and a one-click "all in this layer".
 */
export function ExposureEditor({
  title,
  percentages,
  subLayers,
  onChange,
  error,
}: {
  /** Which profile is being edited. */
  title: string;
  percentages: Percentages;
  subLayers: Partial<Record<LayerKey, string>>;
  onChange: (next: { percentages: Percentages; subLayers: Partial<Record<LayerKey, string>> }) => void;
  error?: string[];
}) {
  const total = percentTotal(percentages);
  const complete = totalIsComplete(percentages);
  const layersTotal = percentTotal({ ...percentages, outside: '' });
  const restOutside = () =>
    layersTotal !== null &&
    onChange({ percentages: { ...percentages, outside: canonicalDecimal(new Dec(100).minus(layersTotal)) }, subLayers });
  const allIn = (column: PercentColumn) =>
    onChange({
      percentages: Object.fromEntries(PERCENT_COLUMNS.map((c) => [c, c === column ? '100' : ''])) as Percentages,
      subLayers,
    });
  return (
    <fieldset className="card" style={{ margin: 0 }} aria-describedby="exposure-total">
      <legend>
        <strong>Exposure: {title}</strong> <span className="muted">— the share of the business in each layer</span>
      </legend>
      <table className="exposure-editor">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Share %</th>
            <th scope="col">Sub-layer (optional)</th>
            <th scope="col">
              <span className="sr-only">Shortcut</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...PERCENT_COLUMNS].reverse().map((column) => (
            <tr key={column}>
              <td>
                <span className="layer-chip">
                  <span aria-hidden="true" style={{ background: COLOURS.get(column) }} />
                  <label htmlFor={`pct-${column}`}>{NAMES[column]}</label>
                </span>
              </td>
              <td>
                <input
                  id={`pct-${column}`}
                  className="pct"
                  inputMode="decimal"
                  value={percentages[column]}
                  placeholder="0"
                  onChange={(e) => onChange({ percentages: { ...percentages, [column]: e.target.value }, subLayers })}
                />
              </td>
              <td>
                {column !== 'outside' && (
                  <input
                    aria-label={`Sub-layer of ${NAMES[column]}`}
                    value={subLayers[column] ?? ''}
                    maxLength={60}
                    placeholder={column === 'chips' ? 'e.g. memory' : ''}
                    onChange={(e) => onChange({ percentages, subLayers: { ...subLayers, [column]: e.target.value } })}
                  />
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => allIn(column)}
                  aria-label={`All in ${NAMES[column]}`}
                >
                  All here
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p id="exposure-total" aria-live="polite" className={complete ? 'total-ok' : 'total-bad'}>
        Total {total === null ? '—' : `${canonicalDecimal(total)}%`}
        {complete ? ' ✓' : total === null ? ': enter numbers only' : ': must be exactly 100% before saving'}
        {!complete && layersTotal !== null && layersTotal.lte(100) && (
          <>
            {' '}
            <button type="button" className="btn btn-small" onClick={restOutside}>
              Put the rest ({canonicalDecimal(new Dec(100).minus(layersTotal))}%) outside the stack
            </button>
          </>
        )}
      </p>
      {error?.length ? <p className="field-error">{error.join(' ')}</p> : null}
    </fieldset>
  );
}
