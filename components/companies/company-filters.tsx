'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { companyFilterToSearch, type CompanyFilter } from '@/lib/companies/filter';
import { LAYERS, layerLabel } from '@/lib/domain/layers';
import { SelectField } from '../ui/select-field';

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
      <SelectField
        id="filter-layer"
        label="Layer"
        value={filter.layer ?? ''}
        options={[{ value: '', label: 'Any layer' }, ...LAYERS.map((l) => ({ value: l.key, label: layerLabel(l) }))]}
        onChange={(v) => apply({ layer: (v || undefined) as CompanyFilter['layer'] })}
      />
      <SelectField
        id="filter-layer-mode"
        label="Layer match"
        value={filter.layerMode}
        options={[
          { value: 'any', label: 'Any share in the layer' },
          { value: 'primary', label: 'Primary layer' },
        ]}
        onChange={(v) => apply({ layerMode: v as CompanyFilter['layerMode'] })}
      />
      <SelectField
        id="filter-list"
        label="List"
        value={filter.list ?? ''}
        options={[{ value: '', label: 'All companies' }, ...lists.map((l) => ({ value: l, label: l }))]}
        onChange={(v) => apply({ list: v || undefined })}
      />
      <SelectField
        id="filter-status"
        label="Status"
        value={filter.status ?? ''}
        options={[
          { value: '', label: 'Public and private' },
          { value: 'public', label: 'Public' },
          { value: 'private', label: 'Private' },
        ]}
        onChange={(v) => apply({ status: (v || undefined) as CompanyFilter['status'] })}
      />
      <SelectField
        id="filter-country"
        label="Country"
        value={filter.country ?? ''}
        options={[{ value: '', label: 'All countries' }, ...countries.map((c) => ({ value: c.code, label: c.name }))]}
        onChange={(v) => apply({ country: v || undefined })}
      />
      <SelectField
        id="filter-archived"
        label="Archived"
        value={filter.archived}
        options={[
          { value: 'exclude', label: 'Hidden' },
          { value: 'include', label: 'Shown too' },
          { value: 'only', label: 'Only archived' },
        ]}
        onChange={(v) => apply({ archived: v as CompanyFilter['archived'] })}
      />
    </form>
  );
}
