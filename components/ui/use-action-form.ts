'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import type { ActionState } from '@/lib/auth/action';

type FormAction<T> = (previous: ActionState<T> | null, formData: FormData) => Promise<ActionState<T>>;

/**
 * `useActionState` for forms where the user types: a refused submission keeps what was typed (React would
 * otherwise reset the form after every action), and a successful one clears the form.
 */
export function useActionForm<T>(action: FormAction<T>) {
  const [state, dispatch, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return { state, pending, formRef, onSubmit };
}
