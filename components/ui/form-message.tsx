import type { ActionState } from '@/lib/auth/action';

/** The outcome of a form submission, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState<unknown> | null }) {
  if (!state?.message) return null;
  return (
    <p className={`message ${state.ok ? 'message-ok' : 'message-error'}`} role="status" aria-live="polite">
      {state.message}
    </p>
  );
}
