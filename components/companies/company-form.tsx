'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { saveCompanyAction } from '@/lib/actions/companies';
import type { ActionState } from '@/lib/auth/action';
import { COMPANY_STATUSES, type CompanyStatus, type CompanyView } from '@/lib/companies/schema';
import { totalIsComplete, type Percentages } from '@/lib/domain/company-form';
import { addProfile, profileDrafts, sharesSummary, type ProfileDraft } from '@/lib/domain/profile-form';
import { profileLabel } from '@/lib/domain/profiles';
import type { ShareMode } from '@/lib/domain/share-input';
import { Field } from '../ui/field';
import { SelectField } from '../ui/select-field';
import { FormMessage } from '../ui/form-message';
import { ExposureEditor } from './exposure-editor';
import { ProfileTable } from './profile-table';

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
  /** The base profile first, then the others (lib/domain/profile-form.ts). */
  profiles: ProfileDraft[];
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
    profiles: profileDrafts(company ?? { exposures: [], outside: '0', profiles: [] }),
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
  const [selected, setSelected] = useState(0);
  const [newList, setNewList] = useState('');
  const [shareMode, setShareMode] = useState<ShareMode>('percent');
  const [state, setState] = useState<ActionState<{ id: string }> | null>(null);
  const [pending, startTransition] = useTransition();
  const conflict = state?.conflict as CompanyView | undefined;
  const errors = state?.fieldErrors ?? {};
  const setField = (name: keyof FormValues['fields'], value: string | string[]) =>
    setValues((v) => ({ ...v, fields: { ...v.fields, [name]: value } }));

  const editing = values.profiles[selected] ?? values.profiles[0]!;
  const setProfiles = (profiles: ProfileDraft[], select = selected) => {
    setValues((v) => ({ ...v, profiles }));
    setSelected(select);
  };

  function save(atVersion = version) {
    const [base, ...others] = values.profiles;
    startTransition(async () => {
      const result = await saveCompanyAction({
        ...values.fields,
        id: company?.id,
        version: atVersion,
        lists: [...values.fields.lists, ...(newList.trim() ? [newList.trim()] : [])],
        percentages: base!.percentages,
        subLayers: base!.subLayers,
        profiles: others,
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
        <ProfileTable
          drafts={values.profiles}
          selected={selected}
          onSelect={setSelected}
          onAdd={(scope, fromYear) => {
            const added = addProfile(values.profiles, scope, fromYear);
            setProfiles(added.drafts, added.index);
          }}
          onRemove={(index) =>
            setProfiles(
              values.profiles.filter((_, i) => i !== index),
              selected === index ? 0 : selected > index ? selected - 1 : selected,
            )
          }
          error={errors.profiles}
        />
        <ExposureEditor
          title={selected === 0 ? 'All metrics, from the beginning (base)' : profileLabel(editing)}
          percentages={editing.percentages}
          subLayers={editing.subLayers}
          onChange={(next) => setProfiles(values.profiles.map((p, i) => (i === selected ? { ...p, ...next } : p)))}
          mode={shareMode}
          onModeChange={setShareMode}
          error={selected === 0 ? errors.exposures : undefined}
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
                  setSelected(0);
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
          <button
            type="submit"
            className="btn btn-primary"
            disabled={pending || !values.profiles.every((p) => totalIsComplete(p.percentages))}
          >
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
    ...Object.entries(t.profiles[0]!.percentages)
      .filter(([k, v]) => v !== mine.profiles[0]!.percentages[k as keyof Percentages])
      .map(([k, v]) => [`${k} %`, v || '0', mine.profiles[0]!.percentages[k as keyof Percentages] || '0']),
    ...profileDifferences(t.profiles.slice(1), mine.profiles.slice(1)),
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

/** The non-base profiles that differ: [label, their shares, your shares], "—" for a profile one side lacks. */
function profileDifferences(theirs: readonly ProfileDraft[], mine: readonly ProfileDraft[]): string[][] {
  const shares = (p: ProfileDraft | undefined) => (p ? sharesSummary(p.percentages) : '—');
  const byLabel = (list: readonly ProfileDraft[]) => new Map(list.map((p) => [profileLabel(p), p]));
  const t = byLabel(theirs);
  const m = byLabel(mine);
  return [...new Set([...t.keys(), ...m.keys()])]
    .map((label) => [label, shares(t.get(label)), shares(m.get(label))])
    .filter(([, a, b]) => a !== b);
}
