/**
 * The JavaScript every analytics answer runs after its SQL, without a database: the rows `metricsValues` builds from
 * the statements' rows (`valuesByMetric`), and `prepareYears` reading every year once, then `/gap`'s years over them
 * (`yearGap`, its coverage included). The rows are generated like the database's: 10,000 companies × 2017–2024 of
 * revenue, numerators with 12 decimals (values of up to 6 decimals × months × rates of up to 6 decimals); 5% of
 * company-years without a stored row, 3% missing a rate, 1% of companies with no row at all; base shares of up to
 * three layers with up to 6 decimals, and a tenth of the companies with a dated `all` profile.
 *   npm run bench:values-path
 *   BENCH_COMPANIES=10000 BENCH_RUNS=7      # the defaults
 * Prints the load average and a markdown table (one warm-up run, then the median of BENCH_RUNS and the spread); the
 * numbers go into bench/README.md by hand.
 */
import { loadavg } from 'node:os';
import { coverageListing, prepareYears, yearGap } from '../lib/domain/analytics';
import { LAYER_KEYS } from '../lib/domain/layers';
import type { ProfileShares } from '../lib/domain/profiles';
import { valueRow, valuesByMetric, type CompanyProfiles, type ValueRow, type ValuesRange } from '../lib/dal/analytics/value-rows';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const RANGE: ValuesRange = { metrics: ['revenue'], from: 2017, to: 2024, basis: 'calendar' };

/** A small deterministic generator (mulberry32), so every run times the same rows. */
function generator(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(2024);
const integer = (below: number) => Math.floor(random() * below);

/** A scaled integer as numeric text with exactly `scale` decimals, as PostgreSQL prints a numeric of that scale. */
function numericText(scaled: bigint, scale: number): string {
  const digits = scaled.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** Σ value × months × rate over one or two fiscal years: a value of up to 6 decimals, a rate of up to 6. */
function numerator(): string {
  const part = (months: number) => {
    const value = BigInt(integer(1e9)) * 1_000_000n + BigInt(integer(1e6)); // up to 999,999,999.999999
    const rate = random() < 0.5 ? 1_000_000n : BigInt(1 + integer(2e6)); // USD at 1, else up to 2 at 6 decimals
    return value * BigInt(months) * rate;
  };
  const months = 1 + integer(11);
  return numericText(random() < 0.6 ? part(12) : part(months) + part(12 - months), 12);
}

/** A share of up to 6 decimals as the database writes it (`trim_scale`). */
const shareText = (millionths: number) => numericText(BigInt(millionths), 6).replace(/\.?0+$/, '');

/** One to three layers whose shares add up to at most 1. */
function shares(): ProfileShares {
  const layers = [...LAYER_KEYS].sort(() => random() - 0.5).slice(0, 1 + integer(3));
  let left = 1_000_000;
  const result: Record<string, string> = {};
  for (const [i, layer] of layers.entries()) {
    const share = i === layers.length - 1 && random() < 0.7 ? left : 1 + integer(left);
    result[layer] = shareText(share);
    left -= share;
    if (left === 0) break;
  }
  return result;
}

/**
 * A row as the values statement's packed rows arrive (`selectPacked`, then `valueRow`): every row built by one
 * literal, so all share one hidden class (rows built by spreading a literal, as this bench first did, read tens of
 * times slower here).
 */
const driverRow = (r: ValueRow) =>
  valueRow([r.pos, r.id, r.name, r.fyEnd, r.metric, r.year, r.numerator, r.estimated, r.code, r.reason]);

function universe(): { rows: ValueRow[]; profiles: Map<string, CompanyProfiles> } {
  const rows: ValueRow[] = [];
  const profiles = new Map<string, CompanyProfiles>();
  for (let pos = 1; pos <= COMPANIES; pos++) {
    const id = `00000000-0000-4000-8000-${pos.toString().padStart(12, '0')}`;
    const company = { pos, id, name: `Company ${pos}`, fyEnd: [12, 12, 3, 6, 9][pos % 5]! };
    const others =
      random() < 0.1
        ? [{ scope: 'all' as const, fromYear: 2020, shares: shares(), profile: { scope: 'all' as const, fromYear: 2020 } }]
        : [];
    profiles.set(id, { base: shares(), others });
    const stored = [];
    if (random() >= 0.01)
      for (let year = RANGE.from; year <= RANGE.to; year++) {
        const roll = random();
        if (roll < 0.05) continue;
        const missing = roll < 0.08;
        stored.push(
          driverRow({
            ...company,
            metric: 'revenue' as const,
            year,
            numerator: missing ? null : numerator(),
            estimated: !missing && random() < 0.1,
            code: missing ? ('no_fx_rate' as const) : null,
            reason: missing ? `no EUR rate for ${year}` : null,
          }),
        );
      }
    rows.push(
      ...(stored.length > 0
        ? stored
        : [driverRow({ ...company, metric: null, year: null, numerator: null, estimated: false, code: null, reason: null })]),
    );
  }
  return { rows, profiles };
}

const { rows, profiles } = universe();
const values = valuesByMetric(rows, RANGE, { profiles }).get('revenue')!;

function gapYears() {
  const prepared = prepareYears(values, coverageListing(undefined));
  const inputs = { application: prepared, chips: prepared };
  for (let year = RANGE.from; year <= RANGE.to; year++) yearGap(inputs, year, { g: 0.5, m: 0.5 });
}

const steps: [string, () => unknown][] = [
  ['valuesByMetric', () => valuesByMetric(rows, RANGE, { profiles })],
  [
    'prepareYears, every year',
    () => {
      const prepared = prepareYears(values);
      for (let year = RANGE.from; year <= RANGE.to; year++) prepared.year(year);
    },
  ],
  ['prepareYears + yearGap, every year', gapYears],
  [
    'all of it: valuesByMetric, prepareYears, yearGap',
    () => {
      valuesByMetric(rows, RANGE, { profiles });
      gapYears();
    },
  ],
];

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
const ms = (t: number) => `${Math.round(t)} ms`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `${COMPANIES.toLocaleString('en')} companies, ${RANGE.from}–${RANGE.to}: ${rows.length.toLocaleString('en')} stored rows; load average ${load()}`,
);
// CPU time (the process's, garbage collector threads included) next to the wall clock: on a shared machine it moves
// less with the neighbours.
console.log('| step | median | min–max | CPU, median |\n|---|---:|---:|---:|');
for (const [label, run] of steps) {
  run();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    run();
    const { user, system } = process.cpuUsage(startedCpu);
    times.push(performance.now() - started);
    cpu.push((user + system) / 1000);
  }
  console.log(`| ${label} | ${ms(median(times))} | ${ms(Math.min(...times))}–${ms(Math.max(...times))} | ${ms(median(cpu))} |`);
}
console.log(`load average after: ${load()}`);
