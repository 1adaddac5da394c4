'use client';

import { createUserAction } from '@/lib/actions/users';
import { ROLE_LABELS, ROLES } from '@/lib/domain/roles';
import { Field } from '../ui/field';
import { FormMessage } from '../ui/form-message';
import { useActionForm } from '../ui/use-action-form';
import { SecretBox } from '../ui/secret-box';

export function CreateUserForm() {
  const { state, pending, formRef, onSubmit } = useActionForm(createUserAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="form" aria-label="Create a user">
      <Field name="email" label="Email" type="email" autoComplete="off" required errors={state?.fieldErrors?.email} />
      <Field name="name" label="Name" autoComplete="off" required errors={state?.fieldErrors?.name} />
      <div className="field">
        <label htmlFor="new-user-role">Role</label>
        <select id="new-user-role" name="role" defaultValue="analyst">
          {[...ROLES].reverse().map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <FormMessage state={state} />
      {state?.ok && state.data?.secret && <SecretBox value={state.data.secret} label="Initial password" />}
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Creating…' : 'Create user'}
        </button>
      </div>
    </form>
  );
}
