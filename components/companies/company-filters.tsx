'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { companyFilterToSearch, type CompanyFilter } from '@/lib/domain/company-filter';
import { LAYERS } from '@/lib/domain/layers';

/** The filter bar: every change goes into the URL (page back to the first), so a link reproduces the view. */
export function CompanyFilters({
  filter,
  lists,
  countries,
}: {
  filter: CompanyFilter;
  lists: string[];
  countries: { code: string; name: string }[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(filter.q ?? '');

  function apply(change: Partial<CompanyFilter>) {
    const query = companyFilterToSearch({ ...filter, ...change, offset: 0 });
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  // Search as you type, a moment after the last key.
  useEffect(() => {
    if (q === (filter.q ?? '')) return;
    const timer = setTimeout(() => apply({ q: q || undefined }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text restarts the timer
  }, [q]);

  return (
    <form
      className="filters card"
      role="search"
      aria-label="Filter companies"
      aria-busy={pending}
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor="filter-q">Search</label>
        <input id="filter-q" type="search" value={q} placeholder="Name or ticker" onChange={(e) => setQ(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="filter-layer">Layer</label>
        <select
          id="filter-layer"
          value={filter.layer ?? ''}
          onChange={(e) => apply({ layer: (e.target.value || undefined) as CompanyFilter['layer'] })}
        >
          <option value="">Any layer</option>
          {LAYERS.map((l) => (
            <option key={l.key} value={l.key}>
              {l.position} {l.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-layer-mode">Layer match</label>
        <select
          id="filter-layer-mode"
          value={filter.layerMode}
          onChange={(e) => apply({ layerMode: e.target.value as CompanyFilter['layerMode'] })}
        >
          <option value="any">Any share in the layer</option>
          <option value="primary">Primary layer</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-list">List</label>
        <select id="filter-list" value={filter.list ?? ''} onChange={(e) => apply({ list: e.target.value || undefined })}>
          <option value="">All companies</option>
          {lists.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select
          id="filter-status"
          value={filter.status ?? ''}
          onChange={(e) => apply({ status: (e.target.value || undefined) as CompanyFilter['status'] })}
        >
          <option value="">Public and private</option>
          <option value="public">Public</option>
          <option value="private">Private</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-country">Country</label>
        <select
          id="filter-country"
          value={filter.country ?? ''}
          onChange={(e) => apply({ country: e.target.value || undefined })}
        >
          <option value="">All countries</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-archived">Archived</label>
        <select
          id="filter-archived"
          value={filter.archived}
          onChange={(e) => apply({ archived: e.target.value as CompanyFilter['archived'] })}
        >
          <option value="exclude">Hidden</option>
          <option value="include">Shown too</option>
          <option value="only">Only archived</option>
        </select>
      </div>
    </form>
  );
}
