'use client';

import { useState } from 'react';
import { canonicalDecimal, Dec } from '@/lib/domain/decimal';
import { readShareInput, shareInputText, storedPercent, type ShareMode } from '@/lib/domain/share-input';
import { PERCENT_COLUMNS, percentTotal, totalIsComplete, type PercentColumn, type Percentages } from '@/lib/domain/company-form';
import { LAYERS, layerLabel, type LayerKey } from '@/lib/domain/layers';
import { PALETTE } from '@/lib/charts/palette';

const NAMES: Record<PercentColumn, string> = {
  ...Object.fromEntries(LAYERS.map((l) => [l.key, layerLabel(l)])),
  outside: 'Outside the AI stack',
} as Record<PercentColumn, string>;
const COLOURS = new Map<PercentColumn, string>([...LAYERS.map((l) => [l.key, l.colour] as const), ['outside', PALETTE.outside]]);

/**
 * The six layers bottom-up plus "outside the AI stack", each a share typed as a percentage or a fraction (the
 * switch; how each entry reads is shown beside it), with a live total that must reach 100% and a one-click "all in
 * this layer". `percentages` always holds canonical percentages (or an unreadable text as typed, which the total
 * refuses); what the analyst typed is kept here while it reads as that same value.
 */
export function ExposureEditor({
  title,
  percentages,
  subLayers,
  onChange,
  mode,
  onModeChange,
  error,
}: {
  /** Which profile is being edited. */
  title: string;
  percentages: Percentages;
  subLayers: Partial<Record<LayerKey, string>>;
  onChange: (next: { percentages: Percentages; subLayers: Partial<Record<LayerKey, string>> }) => void;
  mode: ShareMode;
  onModeChange: (mode: ShareMode) => void;
  error?: string[];
}) {
  const [typed, setTyped] = useState<Partial<Record<PercentColumn, string>>>({});
  // The typed text while it still means the stored value; otherwise (a shortcut, another profile, a mode switch)
  // the stored value written in the current mode.
  const shown = (column: PercentColumn) => {
    const text = typed[column];
    return text !== undefined && storedPercent(text, mode) === percentages[column]
      ? text
      : shareInputText(percentages[column], mode);
  };
  const type = (column: PercentColumn, text: string) => {
    setTyped((t) => ({ ...t, [column]: text }));
    onChange({ percentages: { ...percentages, [column]: storedPercent(text, mode) }, subLayers });
  };
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
      <div className="share-mode" role="radiogroup" aria-label="Enter shares as">
        <span className="muted">Enter shares as</span>
        {(
          [
            ['percent', 'Percent (40 = 40%)'],
            ['fraction', 'Fraction (0.4 = 40%)'],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name="share-mode"
              value={value}
              checked={mode === value}
              onChange={() => {
                setTyped({});
                onModeChange(value);
              }}
            />{' '}
            {label}
          </label>
        ))}
      </div>
      <table className="exposure-editor">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">{mode === 'percent' ? 'Share %' : 'Share (fraction)'}</th>
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
                <ShareInput
                  column={column}
                  text={shown(column)}
                  reading={readShareInput(shown(column), mode)}
                  onType={(text) => type(column, text)}
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
        {complete ? ' ✓' : total === null ? ': correct the shares marked above' : ': must be exactly 100% before saving'}
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

/** One share's input, with how it reads ("= 40%") or why it does not, announced to screen readers. */
function ShareInput({
  column,
  text,
  reading,
  onType,
}: {
  column: PercentColumn;
  text: string;
  reading: ReturnType<typeof readShareInput>;
  onType: (text: string) => void;
}) {
  const hint = `pct-${column}-reads`;
  return (
    <span className="share-input">
      <input
        id={`pct-${column}`}
        className="pct"
        inputMode="decimal"
        value={text}
        placeholder="0"
        aria-invalid={reading.kind === 'error' || undefined}
        aria-describedby={hint}
        onChange={(e) => onType(e.target.value)}
      />
      <span id={hint} className={reading.kind === 'error' ? 'field-error' : 'muted'} aria-live="polite">
        {reading.kind === 'ok' ? `= ${reading.percent}%` : reading.kind === 'error' ? reading.message : ''}
      </span>
    </span>
  );
}
