'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import { bulkCompaniesAction } from '@/lib/actions/companies';
import type { ActionState } from '@/lib/auth/action';
import { companyFilterToSearch, type CompanyFilter } from '@/lib/companies/filter';
import type { CompanyView } from '@/lib/companies/schema';
import { LAYERS, type LayerKey } from '@/lib/domain/layers';
import { FormMessage } from '../ui/form-message';
import { ExposureBar, LayerChip } from './exposure-bar';

type Sort = CompanyFilter['sort'];
const COLUMNS: { label: string; sort?: Sort }[] = [
  { label: 'Company', sort: 'name' },
  { label: 'Ticker', sort: 'ticker' },
  { label: 'Country', sort: 'country' },
  { label: 'Status', sort: 'status' },
  { label: 'Primary layer', sort: 'primary' },
  { label: 'Exposure' },
  { label: 'Lists' },
];

function SortHeader({ label, sort, filter }: { label: string; sort?: Sort; filter: CompanyFilter }) {
  if (!sort) return <th scope="col">{label}</th>;
  const active = filter.sort === sort;
  const dir = active && filter.dir === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (filter.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link className="sort-link" href={`?${companyFilterToSearch({ ...filter, sort, dir, offset: 0 })}`} scroll={false}>
        {label} {active ? (filter.dir === 'asc' ? '↑' : '↓') : ''}
      </Link>
    </th>
  );
}

/** The companies of one page, with row selection and bulk actions for analysts. */
export function CompaniesTable({
  items,
  filter,
  lists,
  canEdit,
  empty,
}: {
  items: CompanyView[];
  filter: CompanyFilter;
  lists: string[];
  canEdit: boolean;
  /** Shown instead of the table when no company matches; the bulk result message stays above it. */
  empty: React.ReactNode;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [state, setState] = useState<ActionState<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const [list, setList] = useState(lists[0] ?? '');
  const [layer, setLayer] = useState<LayerKey>('application');
  const allOnPage = items.length > 0 && items.every((c) => selected.has(c.id));

  function toggle(id: string) {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function run(action: Parameters<typeof bulkCompaniesAction>[0]['action']) {
    startTransition(async () => {
      const result = await bulkCompaniesAction({ ids: [...selected], action });
      setState(result);
      if (result.ok) setSelected(new Set());
    });
  }

  return (
    <>
      {canEdit && selected.size > 0 && (
        <div className="bulk-bar" role="region" aria-label="Bulk actions">
          <strong>{selected.size} selected</strong>
          <label className="sr-only" htmlFor="bulk-list">
            List
          </label>
          <select id="bulk-list" className="inline" value={list} onChange={(e) => setList(e.target.value)}>
            {lists.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-small"
            disabled={pending || !list}
            onClick={() => run({ kind: 'add-to-list', list })}
          >
            Add to list
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={pending || !list}
            onClick={() => run({ kind: 'remove-from-list', list })}
          >
            Remove from list
          </button>
          <label className="sr-only" htmlFor="bulk-layer">
            Layer
          </label>
          <select id="bulk-layer" className="inline" value={layer} onChange={(e) => setLayer(e.target.value as LayerKey)}>
            {LAYERS.map((l) => (
              <option key={l.key} value={l.key}>
                {l.name}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-small" disabled={pending} onClick={() => run({ kind: 'set-layer', layer })}>
            Set all exposure to this layer
          </button>
          <button type="button" className="btn btn-small" disabled={pending} onClick={() => run({ kind: 'archive' })}>
            Archive
          </button>
          <button type="button" className="btn btn-small" disabled={pending} onClick={() => run({ kind: 'restore' })}>
            Restore
          </button>
          <button type="button" className="btn btn-small" onClick={() => setSelected(new Set())}>
            Clear selection
          </button>
        </div>
      )}
      <FormMessage state={state} />
      {items.length === 0 ? (
        <div className="card empty">{empty}</div>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Companies">
            <thead>
              <tr>
                {canEdit && (
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label="Select every company on this page"
                      checked={allOnPage}
                      onChange={() => setSelected(allOnPage ? new Set() : new Set(items.map((c) => c.id)))}
                    />
                  </th>
                )}
                {COLUMNS.map((c) => (
                  <SortHeader key={c.label} label={c.label} sort={c.sort} filter={filter} />
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} data-testid={`company-${c.name}`}>
                  {canEdit && (
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${c.name}`}
                        checked={selected.has(c.id)}
                        onChange={() => toggle(c.id)}
                      />
                    </td>
                  )}
                  <td>
                    <Link href={`/companies/${c.id}`}>
                      <strong>{c.name}</strong>
                    </Link>
                    {c.archived && <span className="badge badge-off"> archived</span>}
                  </td>
                  <td className="mono">{c.ticker ?? '—'}</td>
                  <td>{c.country ?? '—'}</td>
                  <td>{c.status}</td>
                  <td>
                    <LayerChip layer={c.primaryLayer} />
                  </td>
                  <td>
                    <ExposureBar company={c.current} />
                  </td>
                  <td>
                    {c.lists.map((l) => (
                      <Link key={l} className="chip" href={`?${companyFilterToSearch({ list: l })}`}>
                        {l}
                      </Link>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
