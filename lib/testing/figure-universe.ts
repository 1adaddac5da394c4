import { LAYER_KEYS } from '@/lib/domain/layers';
import { METRICS, type Kind, type Metric } from '@/lib/domain/figures/types';

/**
 * A generated research universe for the large figures.csv test and `npm run bench:figures` (docs/data-contract.md §6): companies
 * (some reporting in EUR, TWD, JPY or GBP, some with a fiscal year ending in March, June or September), the FX
 * rates they need, and a figures.csv of any size. Deterministic, so a test can name the row it checks.
 */
export interface UniverseSize {
  companies: number;
  figures: number;
}

const CURRENCIES = ['USD', 'EUR', 'USD', 'TWD', 'USD', 'JPY', 'USD', 'GBP'];
const FISCAL_YEAR_ENDS = [12, 12, 6, 12, 3, 12, 9];
const COUNTRIES = ['US', 'NL', 'US', 'TW', 'US', 'JP', 'KR', 'GB'];
const FX_RATES: Record<string, string> = { EUR: '1.0817', TWD: '0.031', JPY: '0.0066', GBP: '1.2703' };
// From 2009: fiscal year 2010 of a company whose year ends in March is partly converted at the 2009 rate.
const FX_YEARS = { from: 2009, to: 2027 };

const COMPANY_HEADER =
  'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,outside,currency,website,description';
const FIGURE_HEADER = 'company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note';

export function companyName(company: number): string {
  return `Company ${String(company + 1).padStart(5, '0')}`;
}

function ticker(company: number): string {
  return `C${String(company + 1).padStart(5, '0')}`;
}

function currencyOf(company: number): string {
  return CURRENCIES[company % CURRENCIES.length]!;
}

export function companiesCsv({ companies }: UniverseSize): string {
  const rows = Array.from({ length: companies }, (_, i) =>
    [
      companyName(i),
      ticker(i),
      COUNTRIES[i % COUNTRIES.length],
      i % 4 === 0 ? 'private' : 'public',
      FISCAL_YEAR_ENDS[i % FISCAL_YEAR_ENDS.length],
      '',
      ...LAYER_KEYS.map((_, k) => (k === i % LAYER_KEYS.length ? '0.8' : '')),
      '0.2',
      currencyOf(i),
      '',
      '',
    ].join(','),
  );
  return [COMPANY_HEADER, ...rows].join('\n') + '\n';
}

export function fxCsv(): string {
  const rows = Object.entries(FX_RATES).flatMap(([currency, rate]) =>
    Array.from({ length: FX_YEARS.to - FX_YEARS.from + 1 }, (_, i) => `${currency},${FX_YEARS.from + i},${rate}`),
  );
  return ['currency,year,usd_per_unit', ...rows].join('\n') + '\n';
}

interface Slot {
  year: number;
  quarter: number | null;
  metric: Metric;
  kind: Kind;
}

/** The natural keys one company's figures are drawn from: reported years, estimates ahead, two years of quarters. */
const SLOTS: readonly Slot[] = [
  ...Array.from({ length: 16 }, (_, i) => 2010 + i).flatMap((year) =>
    METRICS.map((metric): Slot => ({ year, quarter: null, metric, kind: 'reported' })),
  ),
  ...[2026, 2027].flatMap((year) => METRICS.map((metric): Slot => ({ year, quarter: null, metric, kind: 'estimate' }))),
  ...[1, 2, 3, 4].flatMap((quarter) =>
    METRICS.flatMap((metric): Slot[] => [
      { year: 2025, quarter, metric, kind: 'reported' },
      { year: 2026, quarter, metric, kind: 'estimate' },
    ]),
  ),
];

/** A 32-bit integer hash (murmur3's finaliser): cheap, deterministic, well spread. */
function hash(n: number): number {
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * 1–11 integer digits and 0–6 decimals; operating income is negative about one time in four. From 10 integer
 * digits up a double no longer holds every 6-decimal value, so a value that passed through a float would show.
 */
function value(seed: number, metric: Metric, decimals: number, bump: number): string {
  const a = hash(seed);
  const b = hash(seed + 0x5bd1e995);
  const whole = Number(`${1 + (a % 9)}${a}${b}`.slice(0, 1 + (b % 11))) + bump;
  const fraction = decimals === 0 ? '' : `.${String(b % 10 ** decimals).padStart(decimals, '0')}`;
  return `${metric === 'operating_income' && a % 4 === 0 ? '-' : ''}${whole}${fraction}`;
}

function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export interface GeneratedFigure {
  company: number;
  fiscalYear: number;
  fiscalQuarter: number | null;
  metric: Metric;
  kind: Kind;
  /** As written in the file. */
  value: string;
  /** The CSV cells, unquoted, in FIGURE_HEADER order. */
  cells: string[];
}

/**
 * Row `index` (0-based) of the figures.csv of `size`. Each company holds `figures / companies` rows (rounded up),
 * on distinct natural keys. Revision 1 changes the value of every tenth row and nothing else.
 */
export function generatedFigure(index: number, size: UniverseSize, revision: 0 | 1 = 0): GeneratedFigure {
  const perCompany = Math.ceil(size.figures / size.companies);
  if (perCompany > SLOTS.length) throw new Error(`At most ${SLOTS.length} figures per company; use more companies.`);
  const company = Math.floor(index / perCompany);
  const slot = SLOTS[(company * 11 + (index % perCompany)) % SLOTS.length]!;
  const figureValue = value(index, slot.metric, index % 7, revision === 1 && index % 10 === 0 ? 1 : 0);
  const currency = currencyOf(company);
  const name = companyName(company);
  const cells = [
    index % 13 === 0 ? ticker(company).toLowerCase() : index % 17 === 0 ? name.toUpperCase() : name,
    String(slot.year),
    slot.quarter === null ? '' : String(slot.quarter),
    slot.metric,
    slot.kind === 'reported' && index % 2 === 0 ? '' : slot.kind,
    figureValue,
    index % 3 === 0 ? '' : currency,
    index % 9 === 0 ? '' : `https://ir.example.com/${ticker(company)}/${slot.year}`,
    index % 500 === 250
      ? '-5% guidance cut, per the call;\nsee "Q4" notes'
      : index % 50 === 0
        ? 'Run-rate, annualised from "Q4"'
        : slot.kind === 'estimate'
          ? 'Analyst estimate'
          : '',
  ];
  return {
    company,
    fiscalYear: slot.year,
    fiscalQuarter: slot.quarter,
    metric: slot.metric,
    kind: slot.kind,
    value: figureValue,
    cells,
  };
}

export function figuresCsv(size: UniverseSize, revision: 0 | 1 = 0): string {
  const lines = [FIGURE_HEADER];
  for (let i = 0; i < size.figures; i++) lines.push(generatedFigure(i, size, revision).cells.map(quoted).join(','));
  return lines.join('\n') + '\n';
}
