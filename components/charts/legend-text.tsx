import { PALETTE } from '@/lib/charts/palette';
import { readableOnWhite } from '@/lib/charts/shades';

/**
 * A Recharts legend's entry text (its `formatter`). Recharts writes the text in the series' colour, which several
 * layer colours fail as text (chips 2.3:1 on white, AA needs 4.5:1): the icon keeps the colour, the text takes a
 * darker shade of the same hue.
 */
export function legendText(value: string, entry: { color?: string }) {
  return <span style={{ color: readableOnWhite(entry.color ?? PALETTE.text) }}>{value}</span>;
}
