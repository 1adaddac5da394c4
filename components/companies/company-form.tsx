'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { saveCompanyAction } from '@/lib/actions/companies';
import type { ActionState } from '@/lib/auth/action';
import { COMPANY_STATUSES, type CompanyStatus, type CompanyView } from '@/lib/companies/schema';
import { sharesToPercentages, totalIsComplete, type Percentages } from '@/lib/domain/company-form';
import type { LayerKey } from '@/lib/domain/layers';
import { Field } from '../ui/field';
import { SelectField } from '../ui/select-field';
import { FormMessage } from '../ui/form-message';
import { ExposureEditor } from './exposure-editor';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface FormValues {
  fields: {
    name: string;
    ticker: string;
    country: string;
    status: CompanyStatus;
    fiscalYearEndMonth: string;
    currency: string;
    website: string;
    description: string;
    lists: string[];
  };
  percentages: Percentages;
  subLayers: Partial<Record<LayerKey, string>>;
}

function valuesOf(company: CompanyView | null): FormValues {
  return {
    fields: {
      name: company?.name ?? '',
      ticker: company?.ticker ?? '',
      country: company?.country ?? '',
      status: company?.status ?? 'public',
      fiscalYearEndMonth: String(company?.fiscalYearEndMonth ?? 12),
      currency: company?.currency ?? 'USD',
      website: company?.website ?? '',
      description: company?.description ?? '',
      lists: company?.lists ?? [],
    },
    // A new company starts blank, so the total reads 0% until the analyst says where the business sits.
    percentages: sharesToPercentages(company?.exposures ?? [], company?.outside ?? '0'),
    subLayers: Object.fromEntries((company?.exposures ?? []).flatMap((e) => (e.subLayer ? [[e.layer, e.subLayer]] : []))),
  };
}

/** Create or edit a company. An edit saves against the version it loaded; a conflict shows theirs and lets you choose. */
export function CompanyForm({
  company,
  lists,
  countries,
}: {
  company: CompanyView | null;
  lists: string[];
  countries: { code: string; name: string }[];
}) {
  const router = useRouter();
  const [values, setValues] = useState<FormValues>(() => valuesOf(company));
  const [version, setVersion] = useState(company?.version);
  const [newList, setNewList] = useState('');
  const [state, setState] = useState<ActionState<{ id: string }> | null>(null);
  const [pending, startTransition] = useTransition();
  const conflict = state?.conflict as CompanyView | undefined;
  const errors = state?.fieldErrors ?? {};
  const setField = (name: keyof FormValues['fields'], value: string | string[]) =>
    setValues((v) => ({ ...v, fields: { ...v.fields, [name]: value } }));

  function save(atVersion = version) {
    startTransition(async () => {
      const result = await saveCompanyAction({
        ...values.fields,
        id: company?.id,
        version: atVersion,
        lists: [...values.fields.lists, ...(newList.trim() ? [newList.trim()] : [])],
        percentages: values.percentages,
        subLayers: values.subLayers,
      });
      setState(result);
      if (result.ok && result.data) router.push(`/companies/${result.data.id}`);
    });
  }

  const allLists = [...new Set([...lists, ...values.fields.lists])];
  return (
    <form
      className="grid-2"
      aria-label={company ? `Edit ${company.name}` : 'New company'}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="form" style={{ maxWidth: 'none' }}>
        <Field
          name="name"
          label="Name"
          required
          value={values.fields.name}
          onChange={(e) => setField('name', e.target.value)}
          errors={errors.name}
        />
        <div className="form-row">
          <Field
            name="ticker"
            label="Ticker"
            value={values.fields.ticker}
            onChange={(e) => setField('ticker', e.target.value)}
            errors={errors.ticker}
          />
          <SelectField
            id="country"
            label="Country"
            value={values.fields.country}
            options={[{ value: '', label: '—' }, ...countries.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))]}
            onChange={(v) => setField('country', v)}
            errors={errors.country}
          />
        </div>
        <div className="form-row">
          <SelectField
            id="status"
            label="Status"
            value={values.fields.status}
            options={COMPANY_STATUSES.map((v) => ({ value: v, label: v }))}
            onChange={(v) => setField('status', v as CompanyStatus)}
          />
          <SelectField
            id="fiscalYearEndMonth"
            label="Fiscal year ends in"
            value={values.fields.fiscalYearEndMonth}
            options={MONTHS.map((m, i) => ({ value: String(i + 1), label: m }))}
            onChange={(v) => setField('fiscalYearEndMonth', v)}
          />
          <Field
            name="currency"
            label="Reporting currency"
            value={values.fields.currency}
            maxLength={3}
            style={{ width: '6rem', textTransform: 'uppercase' }}
            onChange={(e) => setField('currency', e.target.value)}
            errors={errors.currency}
          />
        </div>
        <Field
          name="website"
          label="Website"
          type="url"
          placeholder="https://"
          value={values.fields.website}
          onChange={(e) => setField('website', e.target.value)}
          errors={errors.website}
        />
        <div className="field">
          <label htmlFor="description">Description</label>
          <textarea
            id="description"
            rows={4}
            maxLength={2000}
            value={values.fields.description}
            onChange={(e) => setField('description', e.target.value)}
          />
          {errors.description && <span className="field-error">{errors.description.join(' ')}</span>}
        </div>
        <fieldset className="field" style={{ border: 0, padding: 0 }}>
          <legend style={{ fontWeight: 600, fontSize: '0.9rem' }}>Lists</legend>
          <div className="actions">
            {allLists.map((l) => (
              <label key={l} className="chip" style={{ cursor: 'pointer' }}>
                <input
                  type="checkbox"
                  checked={values.fields.lists.includes(l)}
                  onChange={(e) =>
                    setField('lists', e.target.checked ? [...values.fields.lists, l] : values.fields.lists.filter((x) => x !== l))
                  }
                />{' '}
                {l}
              </label>
            ))}
          </div>
          <input
            aria-label="Add to a new list"
            placeholder="New list name"
            value={newList}
            onChange={(e) => setNewList(e.target.value)}
            maxLength={60}
          />
          {errors.lists && <span className="field-error">{errors.lists.join(' ')}</span>}
        </fieldset>
      </div>
      <div className="form" style={{ maxWidth: 'none' }}>
        <ExposureEditor
          percentages={values.percentages}
          subLayers={values.subLayers}
          onChange={(next) => setValues((v) => ({ ...v, ...next }))}
          error={errors.exposures}
        />
        <FormMessage state={state?.ok ? null : state} />
        {conflict && (
          <div className="card" role="region" aria-label="Conflict">
            <p>
              <strong>Someone else saved this company</strong> (now version {conflict.version}) after you opened it. Their
              version:
            </p>
            <ConflictSummary mine={values} theirs={conflict} />
            <div className="actions">
              <button type="button" className="btn btn-danger" disabled={pending} onClick={() => save(conflict.version)}>
                Keep mine (overwrite theirs)
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setValues(valuesOf(conflict));
                  setVersion(conflict.version);
                  setState(null);
                }}
              >
                Discard mine, load theirs
              </button>
            </div>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={pending || !totalIsComplete(values.percentages)}>
            {pending ? 'Saving…' : company ? 'Save changes' : 'Create company'}
          </button>
          <button type="button" className="btn" onClick={() => router.back()}>
            Cancel
          </button>
        </div>
      </div>
    </form>
  );
}

/** The fields where their stored version differs from what is in the form. */
function ConflictSummary({ mine, theirs }: { mine: FormValues; theirs: CompanyView }) {
  const t = valuesOf(theirs);
  const rows = [
    ...Object.entries(t.fields)
      .filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(mine.fields[k as keyof FormValues['fields']]))
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v, String(mine.fields[k as keyof FormValues['fields']])]),
    ...Object.entries(t.percentages)
      .filter(([k, v]) => v !== mine.percentages[k as keyof Percentages])
      .map(([k, v]) => [`${k} %`, v || '0', mine.percentages[k as keyof Percentages] || '0']),
  ];
  if (rows.length === 0) return <p className="muted">Their saved values equal yours.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Theirs</th>
          <th scope="col">Yours</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([field, theirsValue, mineValue]) => (
          <tr key={field}>
            <td>{field}</td>
            <td>{theirsValue || '—'}</td>
            <td>{mineValue || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
