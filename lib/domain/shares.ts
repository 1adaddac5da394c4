import { canonicalDecimal, Dec } from './decimal';
import { LAYERS, type LayerKey } from './layers';

export type ShareColumn = LayerKey | 'outside';

/** The seven share columns of companies.csv: the six layers in stack order, then the part outside the stack. */
export const SHARE_COLUMNS: readonly ShareColumn[] = [...LAYERS.map((l) => l.key), 'outside'];

/** Digits with an optional sign and decimal point: no exponent, percent sign, or thousands/decimal comma. */
const PLAIN_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const FRACTION_TOLERANCE = new Dec('1e-6');
const PERCENT_TOLERANCE = new Dec('1e-4');

export type ShareCellsResult =
  | { ok: true; shares: Partial<Record<LayerKey, string>>; outside: string }
  | { ok: false; issues: { column: string; message: string }[] };

/**
 * Reads the seven share cells of one companies.csv row (docs/data-contract.md §6). Blank is 0. The row's sum decides the unit:
 * 1 (within 1e-6) means fractions, 100 (within 1e-4) percentages, anything else is one issue on the column
 * `shares`. Returns exact canonical decimals, only for layers with a share above 0, and `outside` (`0` when none).
 */
export function parseShareCells(cells: Record<string, string | null>): ShareCellsResult {
  const issues: { column: string; message: string }[] = [];
  const values = new Map<ShareColumn, Dec>();
  for (const column of SHARE_COLUMNS) {
    const cell = cells[column]?.trim();
    if (!cell) continue;
    if (!PLAIN_DECIMAL.test(cell))
      issues.push({
        column,
        message: `"${cell}" is not a plain decimal number (write e.g. 0.25 or 25, without %, commas or exponent)`,
      });
    else if (new Dec(cell).lt(0)) issues.push({ column, message: `the ${column} share cannot be negative (${cell})` });
    else values.set(column, new Dec(cell));
  }
  if (issues.length > 0) return { ok: false, issues };

  const sum = [...values.values()].reduce((total, v) => total.plus(v), new Dec(0));
  const unit = sum.minus(1).abs().lte(FRACTION_TOLERANCE) ? 1 : sum.minus(100).abs().lte(PERCENT_TOLERANCE) ? 100 : null;
  if (unit === null) {
    const message = `the shares sum to ${canonicalDecimal(sum)} (expected 1 as fractions or 100 as percentages; put the rest of the business in outside)`;
    return { ok: false, issues: [{ column: 'shares', message }] };
  }

  const shares: Partial<Record<LayerKey, string>> = {};
  let outside = '0';
  for (const [column, value] of values) {
    const fraction = value.div(unit);
    // The tolerance lets one share reach just above 1 (1.0000005, or 100.00005 as a percentage).
    if (fraction.gt(1))
      issues.push({ column, message: `the ${column} share is ${canonicalDecimal(fraction)}, more than 1 (100%)` });
    else if (column === 'outside') outside = canonicalDecimal(fraction);
    else if (fraction.gt(0)) shares[column] = canonicalDecimal(fraction);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, shares, outside };
}

/**
 * What is wrong with a company's layer shares as fractions (form and API), or null: each must be a decimal in
 * (0, 1], and together at most 1 (+1e-6), since the rest of the business is outside the stack.
 */
export function sharesSumProblem(shares: Partial<Record<LayerKey, string>>): string | null {
  const problems: string[] = [];
  let sum = new Dec(0);
  for (const { key, name } of LAYERS) {
    const value = shares[key];
    if (value === undefined) continue;
    if (!PLAIN_DECIMAL.test(value)) {
      problems.push(`The ${name} share "${value}" is not a decimal number.`);
      continue;
    }
    const share = new Dec(value);
    if (share.lte(0)) problems.push(`The ${name} share must be more than 0; leave the layer out instead.`);
    else if (share.gt(1)) problems.push(`The ${name} share ${value} is more than 1; enter fractions, e.g. 0.6 for 60%.`);
    sum = sum.plus(share);
  }
  if (problems.length === 0 && sum.gt(FRACTION_TOLERANCE.plus(1)))
    problems.push(
      `The layer shares sum to ${canonicalDecimal(sum)}, more than 1; the rest of the business is outside the AI stack.`,
    );
  return problems.length > 0 ? problems.join(' ') : null;
}

/**
 * The layer with the largest share, ties going to the lower layer; null when no share is above 0. Values that
 * are not decimals are skipped, so a half-typed form cannot make it throw.
 */
export function primaryLayer(shares: Partial<Record<LayerKey, string>>): LayerKey | null {
  let best: { key: LayerKey; share: Dec } | null = null;
  for (const { key } of LAYERS) {
    const value = shares[key];
    if (value === undefined || !PLAIN_DECIMAL.test(value)) continue;
    const share = new Dec(value);
    if (share.gt(best?.share ?? 0)) best = { key, share };
  }
  return best?.key ?? null;
}
