import 'server-only';
import { z } from 'zod';
import type { Actor } from '../domain/actor';
import { hasRole, type Role } from '../domain/roles';
import { ConflictError, DomainError, RuleError, type FieldIssue } from '../errors';
import { verifySession } from './session';

/** What every server action returns to `useActionState`. */
export interface ActionState<T = undefined> {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  data?: T;
  /** The stored record when the save lost a race (a stale version): shown so the user can choose. */
  conflict?: unknown;
  /** Every problem with its full path, for inputs with many parts (a pasted block of figures). */
  issues?: FieldIssue[];
}

type Run<S extends z.ZodType, T> = (actor: Actor, input: z.infer<S>) => Promise<{ message?: string; data?: T } | void>;

/**
 * The one wrapper for server actions. A server action is a public POST endpoint, so the session and role
 * are checked here (and again in the data layer), the input is parsed by a zod schema, and domain errors
 * become messages; nothing else escapes.
 */
async function execute<S extends z.ZodType, T>(role: Role, schema: S, raw: unknown, run: Run<S, T>): Promise<ActionState<T>> {
  const actor = await verifySession();
  if (!actor) return { ok: false, message: 'Your session has ended. Sign in again.' };
  if (!hasRole(actor.role, role)) return { ok: false, message: `This needs the ${role} role.` };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await run(actor, parsed.data);
    return { ok: true, ...(result ?? {}) };
  } catch (error) {
    if (error instanceof RuleError)
      return {
        ok: false,
        message: error.message,
        fieldErrors: Object.fromEntries(error.issues.map((i) => [String(i.path[0]), [i.message]])),
        issues: error.issues,
      };
    if (error instanceof z.ZodError) return invalid(error);
    if (error instanceof ConflictError) return { ok: false, message: error.message, conflict: error.current };
    if (error instanceof DomainError) return { ok: false, message: error.message };
    console.error('Server action failed:', error);
    return { ok: false, message: 'Something went wrong on our side; nothing was changed. Try again.' };
  }
}

function invalid(error: z.ZodError): ActionState<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[String(issue.path[0] ?? 'form')] ??= []).push(issue.message);
  return { ok: false, message: 'Check the highlighted fields.', fieldErrors };
}

/** A server action for a `<form>`: the fields of its FormData are the input. */
export function roleAction<S extends z.ZodType, T = undefined>(role: Role, schema: S, run: Run<S, T>) {
  return async (_previous: ActionState<T> | null, formData: FormData): Promise<ActionState<T>> =>
    execute(role, schema, Object.fromEntries(formData), run);
}

/** A server action called with a structured value (a company with its exposures, a bulk selection). */
export function roleCall<S extends z.ZodType, T = undefined>(role: Role, schema: S, run: Run<S, T>) {
  return async (input: z.input<S>): Promise<ActionState<T>> => execute(role, schema, input, run);
}
