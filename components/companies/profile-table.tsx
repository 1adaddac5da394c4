'use client';

import { useState } from 'react';
import { totalIsComplete } from '@/lib/domain/company-form';
import { newProfileProblem, parseFromYear, sharesSummary, type ProfileDraft } from '@/lib/domain/profile-form';
import { PROFILE_SCOPE_NAMES, PROFILE_SCOPES, profileLabel, type ProfileScope } from '@/lib/domain/profiles';

/**
 * A company's exposure profiles as a compact table, scope × from-year, the base first ("All metrics from the
 * beginning"): pick one to edit in the exposure editor, add one (a scope and a from-year; it starts from the shares
 * that applied before it), remove one after a confirmation. Nothing is stored until the form is saved.
 */
export function ProfileTable({
  drafts,
  selected,
  onSelect,
  onAdd,
  onRemove,
  error,
}: {
  drafts: readonly ProfileDraft[];
  selected: number;
  onSelect: (index: number) => void;
  onAdd: (scope: ProfileScope, fromYear: number | null) => void;
  onRemove: (index: number) => void;
  error?: string[];
}) {
  const [scope, setScope] = useState<ProfileScope>('capex');
  const [fromYear, setFromYear] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);

  const add = () => {
    const refused = newProfileProblem(drafts, scope, fromYear);
    setProblem(refused);
    if (refused) return;
    onAdd(scope, parseFromYear(fromYear) ?? null);
    setFromYear('');
  };

  return (
    <fieldset className="card" style={{ margin: 0 }}>
      <legend>
        <strong>Exposure profiles</strong>{' '}
        <span className="muted">— the mix by metric and over time; the base serves every metric and year without its own</span>
      </legend>
      <table className="table profile-table" aria-label="Exposure profiles">
        <thead>
          <tr>
            <th scope="col">Profile</th>
            <th scope="col">Shares</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {drafts.map((d, i) => {
            const label = i === 0 ? 'All metrics, from the beginning' : profileLabel(d);
            return (
              <tr key={`${d.scope}@${d.fromYear}`} aria-current={i === selected ? 'true' : undefined}>
                <td>
                  {label}
                  {i === 0 && <span className="muted"> (base)</span>}
                </td>
                <td>
                  {sharesSummary(d.percentages)}
                  {!totalIsComplete(d.percentages) && <span className="field-error"> · not 100% yet</span>}
                </td>
                <td>
                  <span className="actions" style={{ flexWrap: 'nowrap' }}>
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-pressed={i === selected}
                      aria-label={`Edit ${label}`}
                      onClick={() => onSelect(i)}
                    >
                      {i === selected ? 'Editing' : 'Edit'}
                    </button>
                    {i > 0 &&
                      (confirming === i ? (
                        <span role="group" aria-label={`Remove ${label}?`} className="actions" style={{ flexWrap: 'nowrap' }}>
                          <button
                            type="button"
                            className="btn btn-small btn-danger"
                            onClick={() => {
                              setConfirming(null);
                              onRemove(i);
                            }}
                          >
                            Remove
                          </button>
                          <button type="button" className="btn btn-small" onClick={() => setConfirming(null)}>
                            Keep
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="btn btn-small"
                          aria-label={`Remove ${label}`}
                          onClick={() => setConfirming(i)}
                        >
                          Remove…
                        </button>
                      ))}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="form-row" role="group" aria-label="Add a profile" style={{ alignItems: 'flex-end' }}>
        <div className="field">
          <label htmlFor="profile-scope">Scope</label>
          <select id="profile-scope" value={scope} onChange={(e) => setScope(e.target.value as ProfileScope)}>
            {PROFILE_SCOPES.map((s) => (
              <option key={s} value={s}>
                {PROFILE_SCOPE_NAMES[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="profile-from-year">From year</label>
          <input
            id="profile-from-year"
            inputMode="numeric"
            placeholder="the beginning"
            value={fromYear}
            style={{ width: '8rem' }}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'profile-problem' : undefined}
            onChange={(e) => setFromYear(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </div>
        <button type="button" className="btn" onClick={add}>
          Add a profile
        </button>
      </div>
      {problem && (
        <p id="profile-problem" className="field-error" role="alert">
          {problem}
        </p>
      )}
      {error?.length ? <p className="field-error">{error.join(' ')}</p> : null}
    </fieldset>
  );
}
