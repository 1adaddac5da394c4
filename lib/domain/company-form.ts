import { z } from 'zod';
import { Dec, canonicalDecimal } from './decimal';
import { LAYER_KEYS, type LayerKey } from './layers';

/**
 * The company form's exposure editor works in percentages: the six layers and "outside the AI stack" must
 * total exactly 100 before saving. These helpers convert exactly (decimal, never float) between the editor's
 * percentages and the stored fractions.
 */
export type PercentColumn = LayerKey | 'outside';
export const PERCENT_COLUMNS: readonly PercentColumn[] = [...LAYER_KEYS, 'outside'];

const percentText = z
  .string()
  .trim()
  .refine((v) => v === '' || /^\d+(\.\d+)?$/.test(v), 'Enter a percentage such as 40 or 12.5.');

export const percentagesSchema = z.object(
  Object.fromEntries(PERCENT_COLUMNS.map((c) => [c, percentText])) as Record<PercentColumn, typeof percentText>,
);
export type Percentages = z.infer<typeof percentagesSchema>;

/** The sum of the filled-in percentages, or null while one of them is not a number. */
export function percentTotal(values: Partial<Record<PercentColumn, string>>): Dec | null {
  let total = new Dec(0);
  for (const column of PERCENT_COLUMNS) {
    const v = values[column]?.trim() ?? '';
    if (v === '') continue;
    if (!/^\d+(\.\d+)?$/.test(v)) return null;
    total = total.plus(v);
  }
  return total;
}

export function totalIsComplete(values: Partial<Record<PercentColumn, string>>): boolean {
  const total = percentTotal(values);
  return total !== null && total.minus(100).abs().lte('1e-4');
}

/** Percentages → stored fractions, for the layers with a share above zero. */
export function percentagesToShares(values: Partial<Record<PercentColumn, string>>): { layer: LayerKey; share: string }[] {
  return LAYER_KEYS.flatMap((layer) => {
    const v = values[layer]?.trim() ?? '';
    return v === '' || new Dec(v).isZero() ? [] : [{ layer, share: canonicalDecimal(new Dec(v).div(100)) }];
  });
}

/** Stored fractions → the editor's percentages, with outside as the rest. */
export function sharesToPercentages(shares: readonly { layer: LayerKey; share: string }[], outside: string): Percentages {
  const byLayer = new Map(shares.map((s) => [s.layer, s.share]));
  const pct = (v: string | undefined) => (v === undefined ? '' : canonicalDecimal(new Dec(v).times(100)));
  return Object.fromEntries(
    PERCENT_COLUMNS.map((c) => [c, c === 'outside' ? (new Dec(outside).isZero() ? '' : pct(outside)) : pct(byLayer.get(c))]),
  ) as Percentages;
}
