import Form from 'next/form';
import type { FigureCoverageQuery } from '@/lib/domain/figure-coverage-query';
import { METRIC_NAMES, METRICS } from '@/lib/domain/figures';
import { FIRST_YEAR, LAST_YEAR } from '@/lib/domain/year-range';

const SHOW_LABELS: Record<FigureCoverageQuery['show'], string> = {
  all: 'Every company',
  missing: 'Missing only',
  present: 'With a value only',
};

function Select({ name, label, value, options }: { name: string; label: string; value: string; options: [string, string][] }) {
  const id = `coverage-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The figures page's query as a GET form: without JavaScript it reloads the page with the query in the URL, with it
 * next/form navigates on the client. Keyed by the query so a link to another view resets the fields.
 */
export function CoverageFilters({ query, lists }: { query: FigureCoverageQuery; lists: string[] }) {
  return (
    <Form action="/figures" className="filters card" role="search" aria-label="Choose the figures" key={JSON.stringify(query)}>
      <div className="field">
        <label htmlFor="coverage-year">Fiscal year</label>
        <input
          id="coverage-year"
          name="year"
          type="number"
          inputMode="numeric"
          min={FIRST_YEAR}
          max={LAST_YEAR}
          step={1}
          required
          defaultValue={query.year}
        />
      </div>
      <Select name="metric" label="Metric" value={query.metric} options={METRICS.map((m) => [m, METRIC_NAMES[m]])} />
      <Select
        name="list"
        label="List"
        value={query.list ?? ''}
        options={[['', 'All companies'], ...lists.map((l): [string, string] => [l, l])]}
      />
      <Select name="show" label="Show" value={query.show} options={Object.entries(SHOW_LABELS)} />
      <div className="field">
        <label htmlFor="coverage-q">Search</label>
        <input id="coverage-q" name="q" type="search" placeholder="Name or ticker" defaultValue={query.q ?? ''} />
      </div>
      <button type="submit" className="btn btn-primary">
        Show figures
      </button>
    </Form>
  );
}
