/** Units for an axis of USD millions, largest first. */
const UNITS = [
  { symbol: '$T', millions: 1_000_000 },
  { symbol: '$B', millions: 1_000 },
  { symbol: '$M', millions: 1 },
] as const;
/** Tick steps in the axis's unit, per power of ten: ticks read 0, 0.5, 1, 1.5 rather than 0, 0.55, 1.1. */
const STEPS = [1, 2, 2.5, 5, 10];
const MAX_INTERVALS = 5;

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
/** A value label: one decimal under 100 of the unit ("$12.3B"), whole numbers above ("$1,234B"). */
const small = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const large = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export interface UsdAxis {
  /** "$B": for the axis title, e.g. "Attributed revenue ($B)". */
  symbol: string;
  /** The unit in USD millions: 1,000 for $B. */
  millions: number;
  /** A tick in the axis's unit, without the unit: 1500 (USD m) on a $B axis → "1.5". */
  tick: (millions: number) => string;
  /** A value drawn on the chart, in the axis's unit with its symbol: 1234.5 (USD m) on a $B axis → "$1.2B". */
  label: (millions: number) => string;
  /** Round ticks (in USD millions) from the lowest extent or 0 to the highest or 0, both included. */
  ticks: number[];
  domain: [number, number];
}

/**
 * At most MAX_INTERVALS steps of a round size in `unit` from `low` to `high` (USD millions): the smallest round
 * step whose outward-rounded ends still fit, counted after rounding (both ends can add an interval).
 */
function roundTicks(low: number, high: number, unit: number): number[] {
  if (high - low < 1e-6) return [low, low + unit];
  const span = (high - low) / unit;
  const magnitude = 10 ** Math.floor(Math.log10(span / MAX_INTERVALS));
  // The tolerance keeps a float quotient such as −4.000000000000001 on its round tick.
  const ends = (step: number) => {
    const first = Math.floor(low / step + 1e-13);
    return { first, last: Math.max(first + 1, Math.ceil(high / step - 1e-13)) };
  };
  const step = [...STEPS.map((s) => s * magnitude), ...STEPS.map((s) => s * magnitude * 10)]
    .map((s) => s * unit)
    .find((s) => ends(s).last - ends(s).first <= MAX_INTERVALS)!;
  const { first, last } = ends(step);
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
}

/**
 * One unit for a whole axis of USD millions, the largest in which the axis's largest magnitude is at least 1, named
 * once in the axis title: ticks then read as plain round numbers ("0.5, 1, 1.5") instead of mixing "$500.0M" and
 * "$1.0B". `extents` are the values the axis must reach: a stack's totals, not its segments. A chart that shares
 * its unit with a neighbour of the same measure gives the magnitude that neighbour chose it from (`unitOf`).
 */
export function usdAxis(extents: readonly number[], unitOf?: number): UsdAxis {
  const low = Math.min(0, ...extents);
  const high = Math.max(0, ...extents);
  const largest = unitOf === undefined ? Math.max(-low, high) : Math.abs(unitOf);
  const unit = UNITS.find((u) => largest >= u.millions) ?? UNITS[UNITS.length - 1]!;
  const ticks = roundTicks(low, high, unit.millions);
  return {
    symbol: unit.symbol,
    millions: unit.millions,
    tick: (millions) => {
      const text = number.format(Math.abs(millions) / unit.millions);
      return millions < 0 && text !== '0' ? `−${text}` : text;
    },
    label: (millions) => {
      if (millions === 0) return '$0';
      const value = Math.abs(millions) / unit.millions;
      const text = `${unit.symbol.slice(0, 1)}${(value < 100 ? small : large).format(value)}${unit.symbol.slice(1)}`;
      return millions < 0 && value >= 0.05 ? `−${text}` : text;
    },
    ticks,
    domain: [ticks[0]!, ticks.at(-1)!],
  };
}

/** The positive and the negative sum of each stack: how far a stacked bar (stackOffset "sign") reaches either way. */
export function stackExtents(stacks: readonly (readonly number[])[]): number[] {
  return stacks.flatMap((values) => [
    values.reduce((sum, v) => sum + Math.max(0, v), 0),
    values.reduce((sum, v) => sum + Math.min(0, v), 0),
  ]);
}
