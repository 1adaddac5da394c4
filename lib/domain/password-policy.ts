import { z } from 'zod';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** Length rules only: safe to import in the browser. The server adds the common-password check. */
export const passwordShape = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

/**
 * Why a new password is refused, or null. `common` is a set of lower-cased common passwords.
 */
export function passwordProblem(password: string, common: ReadonlySet<string>, email?: string): string | null {
  const shape = passwordShape.safeParse(password);
  if (!shape.success) return shape.error.issues[0]?.message ?? 'Invalid password.';
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'This password is on a list of common passwords; choose another.';
  if (email && lower === email.trim().toLowerCase()) return 'The password must not be your email address.';
  if (new Set(password).size < 4) return 'This password repeats too few characters; choose another.';
  return null;
}
