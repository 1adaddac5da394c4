import { z } from 'zod';
import { ROLES, type Role } from '../domain/roles';
import { textRule } from '../domain/text';

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter a valid email address.').max(254, 'Use at most 254 characters.'));

const roleSchema = z.enum(ROLES, 'Choose a role.');

/** The admin's form: no password, so one is generated and shown once. */
export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Enter a name.').max(120, 'Use at most 120 characters.').superRefine(textRule('name')),
  role: roleSchema,
});

/** The CLI and the first-admin setup may also give the password (checked against the password policy). */
export const newUserSchema = createUserSchema.extend({ password: z.string().optional() });
export type NewUserInput = z.output<typeof newUserSchema>;

export const userIdSchema = z.object({ userId: z.uuid('Unknown user.') });

export const changeRoleSchema = userIdSchema.extend({ role: roleSchema });
export type ChangeRoleInput = z.output<typeof changeRoleSchema>;

/** The admin page posts "true" or "false". */
export const setDisabledSchema = userIdSchema.extend({ disabled: z.enum(['true', 'false']).transform((v) => v === 'true') });
export type SetDisabledInput = z.output<typeof setDisabledSchema>;

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(1024),
    newPassword: z.string().max(1024),
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords differ.' });
export type ChangeOwnPasswordInput = z.output<typeof changeOwnPasswordSchema>;

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}
