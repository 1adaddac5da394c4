'use client';

import { setFirmNameAction } from '@/lib/actions/firm';
import { FIRM_NAME_MAX } from '@/lib/firm/schema';
import { Field } from '../ui/field';
import { FormMessage } from '../ui/form-message';
import { useActionForm } from '../ui/use-action-form';

/** The firm's name. A saved form resets to its default value, which by then is the name just stored. */
export function FirmNameForm({ name }: { name: string | null }) {
  const { state, pending, formRef, onSubmit } = useActionForm(setFirmNameAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="form" aria-label="Set the firm's name">
      <Field
        id="firm-name"
        name="name"
        label="Firm name"
        defaultValue={name ?? ''}
        maxLength={FIRM_NAME_MAX}
        autoComplete="organization"
        hint={`Up to ${FIRM_NAME_MAX} characters. Leave it empty to show no name.`}
        errors={state?.fieldErrors?.name}
      />
      <FormMessage state={state} />
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save name'}
        </button>
      </div>
    </form>
  );
}
