/** Dates for display, in UTC so every reader of a memo sees the same time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * An exact decimal string with thousands separators, e.g. `-60922.5` → `−60,922.5`. Works on the text, so no
 * digit is lost to a float; `decimals` pads (never rounds) the fraction to a minimum length.
 */
export function formatDecimal(value: string, decimals = 0): string {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const padded = fraction.padEnd(decimals, '0');
  return `${negative ? '−' : ''}${grouped}${padded ? `.${padded}` : ''}`;
}

const AGE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];
const relativeTime = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/** How long ago a moment was, in its largest whole unit: `3 days ago`, `1 month ago`; under a minute, `just now`. */
export function formatAge(iso: string, now: Date): string {
  const seconds = (now.getTime() - Date.parse(iso)) / 1000;
  for (const [unit, size] of AGE_UNITS) if (seconds >= size) return relativeTime.format(-Math.floor(seconds / size), unit);
  return 'just now';
}

/**
 * USD millions for charts and tables: `$1.23T`, `$456.7B`, `$89.0M` (issue 6). For display only: the value is
 * already an exact API number and is not summed again.
 */
export function formatUsdMillions(millions: number): string {
  const sign = millions < 0 ? '−' : '';
  const abs = Math.abs(millions);
  if (abs === 0) return '$0';
  if (abs >= 1_000_000) return `${sign}$${(abs / 1_000_000).toFixed(2)}T`;
  if (abs >= 1_000) return `${sign}$${(abs / 1_000).toFixed(1)}B`;
  return `${sign}$${abs.toFixed(1)}M`;
}

/** A ratio as a percentage for display, e.g. 0.2345 → `23.5%`; null is an em dash. */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  return ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(digits)}%`;
}

/** Growth for display: `+25.0%`, `−3.2%`, `0.0%`; null is an em dash. */
export function formatSignedPercent(ratio: number | null): string {
  if (ratio === null) return '—';
  const text = formatPercent(Math.abs(ratio));
  return ratio > 0 ? `+${text}` : ratio < 0 ? `−${text}` : text;
}

/** A count with its noun in the right number: `1 company`, `3 companies`, `0 flows`. */
export function formatCount(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
