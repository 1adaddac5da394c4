import { Dec } from '../decimal';

/**
 * Exact decimals as scaled integers: a value v held as the BigInt v × 10^scale. Adding, multiplying and comparing
 * BigInts is exact and an order of magnitude faster than decimal.js, which is what lets one answer aggregate
 * 200,000 company-years in a fraction of a second (bench/). Every amount of one answer shares one scale, so sums
 * and comparisons need no alignment; a product of two amounts has twice the scale.
 */

/** The number of decimal places of a plain decimal string (`-12.500` → 3). */
export function decimalPlaces(text: string): number {
  const point = text.indexOf('.');
  return point === -1 ? 0 : text.length - point - 1;
}

/** `text` × 10^scale as a BigInt; `scale` must be at least the text's decimal places. */
export function toScaled(text: string, scale: number): bigint {
  const plain = /e/i.test(text) ? new Dec(text).toFixed() : text;
  const negative = plain.startsWith('-');
  const digits = negative || plain.startsWith('+') ? plain.slice(1) : plain;
  const point = digits.indexOf('.');
  const whole = point === -1 ? digits : digits.slice(0, point);
  const fraction = point === -1 ? '' : digits.slice(point + 1);
  if (fraction.length > scale) throw new RangeError(`${text} has more than ${scale} decimal places`);
  const scaled = BigInt((whole || '0') + fraction.padEnd(scale, '0'));
  return negative ? -scaled : scaled;
}

/** The exact decimal a scaled integer stands for. */
export function fromScaled(value: bigint, scale: number): Dec {
  if (scale === 0) return new Dec(value.toString());
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  return new Dec(`${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
}

export function absOf(value: bigint): bigint {
  return value < 0n ? -value : value;
}

const SIGNIFICANT = 40n; // Dec's precision (lib/domain/decimal.ts)

/**
 * `numerator / 12` as `canonicalDecimal(new Dec(numerator).div(12))` writes it — rounded half-even to Dec's 40
 * significant digits, without exponent or trailing zeros — digit for digit, in BigInt arithmetic: a calendar-year
 * value is one numerator over 12 (docs/data-contract.md §4), and a 20-year series at 10,000 companies divides
 * 185,000 of them, which decimal.js took most of a second to do.
 */
export function twelfthOf(numerator: string): string {
  const plain = /e/i.test(numerator) ? new Dec(numerator).toFixed() : numerator;
  const scale = decimalPlaces(plain);
  const signed = toScaled(plain, scale);
  if (signed === 0n) return '0';
  const n = absOf(signed);
  // Enough extra digits that the integer quotient has more than 40 of them.
  const extra = Math.max(0, 43 - n.toString().length);
  const m = n * 10n ** BigInt(extra);
  const quotient = m / 12n;
  const remainder = m % 12n;
  const drop = BigInt(quotient.toString().length) - SIGNIFICANT;
  const unit = 10n ** drop;
  let kept = quotient / unit;
  // What is dropped, in twelfths of a unit of the last kept digit's place, against half of one.
  const dropped = 12n * (quotient % unit) + remainder;
  if (dropped > 6n * unit || (dropped === 6n * unit && kept % 2n === 1n)) kept += 1n;
  return plainDecimal(signed < 0n ? -kept : kept, Number(drop) - scale - extra);
}

/** value × 10^exponent as plain decimal text, without trailing zeros. */
function plainDecimal(value: bigint, exponent: number): string {
  const negative = value < 0n;
  let digits = (negative ? -value : value).toString();
  while (digits.length > 1 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exponent++;
  }
  let text: string;
  if (exponent >= 0) text = digits + '0'.repeat(exponent);
  else if (-exponent >= digits.length) text = `0.${'0'.repeat(-exponent - digits.length)}${digits}`;
  else text = `${digits.slice(0, exponent)}.${digits.slice(exponent)}`;
  return negative ? `-${text}` : text;
}
