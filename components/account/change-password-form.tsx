'use client';

import { changePasswordAction } from '@/lib/actions/account';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/domain/password-policy';
import { Field } from '../ui/field';
import { FormMessage } from '../ui/form-message';
import { useActionForm } from '../ui/use-action-form';

export function ChangePasswordForm() {
  const { state, pending, formRef, onSubmit } = useActionForm(changePasswordAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="form" aria-label="Change your password">
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        errors={state?.fieldErrors?.currentPassword}
      />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters; common passwords are refused.`}
        errors={state?.fieldErrors?.newPassword}
      />
      <Field
        name="confirmPassword"
        label="New password again"
        type="password"
        autoComplete="new-password"
        required
        errors={state?.fieldErrors?.confirmPassword}
      />
      <FormMessage state={state} />
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
