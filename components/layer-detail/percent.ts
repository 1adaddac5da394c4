import { formatPercent } from '@/lib/format';

/** Growth for display: `+25.0%`, `−3.2%`; null is an em dash. */
export function signedPercent(ratio: number | null): string {
  if (ratio === null) return '—';
  const text = formatPercent(Math.abs(ratio));
  return ratio > 0 ? `+${text}` : ratio < 0 ? `−${text}` : text;
}
