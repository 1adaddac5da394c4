'use client';

import { createTokenAction } from '@/lib/actions/account';
import { Field } from '../ui/field';
import { FormMessage } from '../ui/form-message';
import { useActionForm } from '../ui/use-action-form';
import { SecretBox } from '../ui/secret-box';

export function CreateTokenForm() {
  const { state, pending, formRef, onSubmit } = useActionForm(createTokenAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="form" aria-label="Create an API token">
      <Field
        name="name"
        label="Token name"
        placeholder="e.g. Research notebook"
        required
        maxLength={80}
        errors={state?.fieldErrors?.name}
      />
      <FormMessage state={state} />
      {state?.ok && state.data?.secret && <SecretBox value={state.data.secret} label="New API token" />}
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}
