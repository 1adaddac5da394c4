'use client';

import { createListAction } from '@/lib/actions/companies';
import { Field } from '../ui/field';
import { FormMessage } from '../ui/form-message';
import { useActionForm } from '../ui/use-action-form';

export function CreateListForm() {
  const { state, pending, formRef, onSubmit } = useActionForm(createListAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="form-row" aria-label="Create a list">
      <Field
        name="name"
        label="New list"
        required
        maxLength={60}
        placeholder="e.g. Memory makers"
        errors={state?.fieldErrors?.name}
      />
      <button type="submit" className="btn btn-primary" disabled={pending}>
        Create list
      </button>
      <FormMessage state={state} />
    </form>
  );
}
