'use client';

import { useState } from 'react';
import { setFxRateAction } from '@/lib/actions/fx';
import type { FxRateView } from '@/lib/fx/schema';
import { Field } from '../ui/field';
import { FormMessage } from '../ui/form-message';
import { useActionForm } from '../ui/use-action-form';

/** Add a rate, or change one: the version shown on this page goes with it, so a change made meanwhile is a conflict. */
export function SetRateForm({ rates }: { rates: FxRateView[] }) {
  const { state, pending, formRef, onSubmit } = useActionForm(setFxRateAction);
  const [currency, setCurrency] = useState('');
  const [year, setYear] = useState('');
  const existing = rates.find((r) => r.currency === currency.trim().toUpperCase() && String(r.year) === year.trim());
  return (
    <form ref={formRef} onSubmit={onSubmit} className="form-row" aria-label="Set an FX rate">
      <Field
        name="currency"
        label="Currency"
        maxLength={3}
        required
        value={currency}
        onChange={(e) => setCurrency(e.target.value)}
        style={{ width: '6rem', textTransform: 'uppercase' }}
        errors={state?.fieldErrors?.currency}
      />
      <Field
        name="year"
        label="Year"
        inputMode="numeric"
        required
        value={year}
        onChange={(e) => setYear(e.target.value)}
        style={{ width: '6rem' }}
        errors={state?.fieldErrors?.year}
      />
      <Field
        name="usdPerUnit"
        label="USD per unit"
        inputMode="decimal"
        required
        placeholder={existing ? existing.usdPerUnit : 'e.g. 1.0817'}
        errors={state?.fieldErrors?.usdPerUnit}
        hint={existing ? `Now ${existing.usdPerUnit} (version ${existing.version})` : 'A yearly average'}
      />
      {existing && <input type="hidden" name="version" value={existing.version} />}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {existing ? 'Change rate' : 'Add rate'}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
