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
