'use client';

import { useState } from 'react';
import { saveFlowsAction } from '@/lib/actions/flows';
import { KINDS } from '@/lib/domain/figures/types';
import { layerOf, type LayerKey } from '@/lib/domain/layers';
import type { FlowPartyOption, FlowView } from '@/lib/flows/schema';
import { Field } from '@/components/ui/field';
import { CompanyCombobox } from './company-combobox';
import { FlowConflictDialog } from './flow-conflict-dialog';
import { draftErrors, draftPayload, withCounterpart, type DraftField, type FlowDraft } from './flow-draft';
import styles from './flows.module.css';

/**
 * The inline editor of one flow: a new one (the counterpart picked by name, each layer from that company's layers)
 * or a stored one (its value, currency, kind-free fields). Enter saves, Escape cancels; a save that lost a race
 * shows both flows and lets the user keep theirs or take the stored one.
 */
export function FlowEditor({
  company,
  initial,
  onDone,
}: {
  company: FlowPartyOption;
  initial: FlowDraft;
  /** Saved (with the stored flow) or cancelled (null): the section closes the editor and reloads. */
  onDone: (saved: FlowView | null, message?: string) => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<{ mine: Record<string, unknown>; theirs: FlowView } | null>(null);
  const customer = draft.side === 'customer';
  const existing = draft.existing;
  const update = (patch: Partial<FlowDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const id = (field: string) => `flow-${draft.side}-${existing?.id ?? 'new'}-${field}`;
  const error = (field: DraftField) => (errors[field] ? [errors[field]!] : undefined);

  async function save(payload: Record<string, unknown>) {
    setSaving(true);
    const result = await saveFlowsAction({ flows: [payload] });
    setSaving(false);
    if (result.ok) {
      const flow = result.data?.[0] ?? null;
      onDone(flow, flow ? `Saved ${flow.payerName} → ${flow.payeeName}, ${flow.year} ${flow.kind}.` : undefined);
      return;
    }
    const theirs = result.conflict as FlowView | null | undefined;
    if (theirs) {
      setConflict({ mine: payload, theirs });
      return;
    }
    if (result.conflict === null) {
      onDone(null, `${result.message ?? 'The flow was deleted since you read it.'} Nothing was saved.`);
      return;
    }
    const byField = draftErrors(result.issues ?? [], draft.side);
    setErrors(Object.keys(byField).length > 0 ? byField : { form: result.message ?? 'Not saved.' });
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const built = draftPayload(draft, company.id);
    if ('missing' in built) {
      setErrors(built.missing);
      return;
    }
    setErrors({});
    void save(built.payload);
  }

  const counterpartLayers: readonly LayerKey[] = existing
    ? [draft.counterpartLayer as LayerKey]
    : (draft.counterpart?.layers ?? []);
  const counterpartName = existing ? (customer ? existing.payerName : existing.payeeName) : null;
  return (
    <form
      className={styles.editor}
      aria-label={existing ? `Edit flow with ${counterpartName}` : customer ? 'New customer flow' : 'New supplier flow'}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !conflict) {
          e.preventDefault();
          onDone(null);
        }
      }}
      noValidate
    >
      {existing ? (
        <div className="field">
          <span className={styles.fixedLabel}>{customer ? 'Customer (payer)' : 'Supplier (payee)'}</span>
          <strong>{counterpartName}</strong>
        </div>
      ) : (
        <CompanyCombobox
          id={id('counterpart')}
          label={customer ? 'Customer (payer)' : 'Supplier (payee)'}
          value={draft.counterpart}
          exclude={company.id}
          autoFocus
          errors={error('counterpart')}
          onChange={(c) => setDraft((d) => withCounterpart(d, c))}
        />
      )}
      <LayerSelect
        id={id('counterpart-layer')}
        label={customer ? 'Payer layer' : 'Payee layer'}
        hint={customer ? 'Whose activity the spend serves' : 'Where the payee earns it'}
        value={draft.counterpartLayer}
        layers={counterpartLayers}
        disabled={Boolean(existing)}
        empty={existing ? undefined : draft.counterpart ? 'Choose…' : 'Pick the company first'}
        errors={error('counterpartLayer')}
        onChange={(v) => update({ counterpartLayer: v })}
      />
      <LayerSelect
        id={id('own-layer')}
        label={`${company.name}'s layer (${customer ? 'payee' : 'payer'})`}
        value={draft.ownLayer}
        layers={existing ? [draft.ownLayer as LayerKey] : company.layers}
        disabled={Boolean(existing)}
        empty={existing ? undefined : 'Choose…'}
        errors={error('ownLayer')}
        onChange={(v) => update({ ownLayer: v })}
      />
      <div className="field">
        <label htmlFor={id('kind')}>Kind</label>
        <select
          id={id('kind')}
          value={draft.kind}
          disabled={Boolean(existing)}
          onChange={(e) => update({ kind: e.target.value as FlowDraft['kind'] })}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        {errors.kind && <span className="field-error">{errors.kind}</span>}
      </div>
      <Field
        name={id('value')}
        label={`Value (millions, ${draft.year})`}
        value={draft.value}
        inputMode="decimal"
        autoComplete="off"
        autoFocus={Boolean(existing)}
        errors={error('value')}
        onChange={(e) => update({ value: e.target.value })}
      />
      <Field
        name={id('currency')}
        label="Currency"
        hint="Defaults to the payee's"
        value={draft.currency}
        size={5}
        maxLength={3}
        autoComplete="off"
        errors={error('currency')}
        onChange={(e) => update({ currency: e.target.value.toUpperCase(), currencyChosen: true })}
      />
      <Field
        name={id('source')}
        label="Source"
        value={draft.source}
        errors={error('source')}
        onChange={(e) => update({ source: e.target.value })}
      />
      <Field
        name={id('note')}
        label="Note"
        value={draft.note}
        errors={error('note')}
        onChange={(e) => update({ note: e.target.value })}
      />
      <div className={styles.editorActions}>
        <button type="submit" className="btn btn-primary btn-small" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="btn btn-small" onClick={() => onDone(null)}>
          Cancel
        </button>
        <span className="muted">Enter saves · Escape cancels</span>
      </div>
      {errors.form && (
        <p className="field-error" role="status">
          {errors.form}
        </p>
      )}
      {conflict && (
        <FlowConflictDialog
          mine={conflict.mine}
          theirs={conflict.theirs}
          onChoose={(choice) => {
            const { mine, theirs } = conflict;
            setConflict(null);
            if (choice === 'mine') void save({ ...mine, version: theirs.version });
            else onDone(theirs, `Kept the stored flow (by ${theirs.updatedBy}); yours was not saved.`);
          }}
        />
      )}
    </form>
  );
}

function LayerSelect({
  id,
  label,
  hint,
  value,
  layers,
  disabled,
  empty,
  errors,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: LayerKey | '';
  layers: readonly LayerKey[];
  disabled?: boolean;
  empty?: string;
  errors?: string[];
  onChange: (value: LayerKey | '') => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled || layers.length === 0}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value as LayerKey | '')}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {layers.map((l) => (
          <option key={l} value={l}>
            {layerOf(l).name}
          </option>
        ))}
      </select>
      {hint && !errors && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {errors && (
        <span id={`${id}-error`} className="field-error">
          {errors.join(' ')}
        </span>
      )}
    </div>
  );
}
