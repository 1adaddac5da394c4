import 'server-only';
import { z } from 'zod';
import type { Actor } from '../domain/actor';
import { hasRole, type Role } from '../domain/roles';
import { DomainError, RuleError } from '../errors';
import { verifySession } from './session';

/** What every server action returns to `useActionState`. */
export interface ActionState<T = undefined> {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  data?: T;
}

/**
 * The one wrapper for server actions. A server action is a public POST endpoint, so the session and role
 * are checked here (and again in the data layer), the form is parsed by a zod schema, and domain errors
 * become messages; nothing else escapes.
 */
export function roleAction<S extends z.ZodType, T = undefined>(
  role: Role,
  schema: S,
  run: (actor: Actor, input: z.infer<S>) => Promise<{ message?: string; data?: T } | void>,
) {
  return async (_previous: ActionState<T> | null, formData: FormData): Promise<ActionState<T>> => {
    const actor = await verifySession();
    if (!actor) return { ok: false, message: 'Your session has ended. Sign in again.' };
    if (!hasRole(actor.role, role)) return { ok: false, message: `This needs the ${role} role.` };
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success)
      return {
        ok: false,
        message: 'Check the highlighted fields.',
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      };
    try {
      const result = await run(actor, parsed.data);
      return { ok: true, ...(result ?? {}) };
    } catch (error) {
      if (error instanceof RuleError)
        return {
          ok: false,
          message: error.message,
          fieldErrors: Object.fromEntries(error.issues.map((i) => [String(i.path[0]), [i.message]])),
        };
      if (error instanceof z.ZodError)
        return {
          ok: false,
          message: 'Check the highlighted fields.',
          fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]>,
        };
      if (error instanceof DomainError) return { ok: false, message: error.message };
      console.error('Server action failed:', error);
      return { ok: false, message: 'Something went wrong on our side; nothing was changed. Try again.' };
    }
  };
}
