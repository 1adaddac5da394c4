'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { roleAction } from '../auth/action';
import { ROLES } from '../domain/roles';
import { changeUserRole, createUser, createUserSchema, resetUserPassword, setUserDisabled } from '../dal/users';

const userId = z.object({ userId: z.uuid('Unknown user.') });

export const createUserAction = roleAction('admin', createUserSchema, async (actor, input) => {
  const { user, initialPassword } = await createUser(actor, input);
  revalidatePath('/admin/users');
  return {
    message: `Created ${user.email}. Pass on the initial password below; it is shown only once.`,
    data: { secret: initialPassword ?? '' },
  };
});

export const changeRoleAction = roleAction(
  'admin',
  userId.extend({ role: z.enum(ROLES, 'Choose a role.') }),
  async (actor, input) => {
    const user = await changeUserRole(actor, input.userId, input.role);
    revalidatePath('/admin/users');
    return { message: `${user.email} is now ${user.role}.` };
  },
);

export const setDisabledAction = roleAction(
  'admin',
  userId.extend({ disabled: z.enum(['true', 'false']).transform((v) => v === 'true') }),
  async (actor, input) => {
    const user = await setUserDisabled(actor, input.userId, input.disabled);
    revalidatePath('/admin/users');
    return { message: `${user.email} is ${user.disabled ? 'disabled; their sessions and tokens stop working' : 'enabled'}.` };
  },
);

export const resetPasswordAction = roleAction('admin', userId, async (actor, input) => {
  const { user, password } = await resetUserPassword(actor, input.userId);
  revalidatePath('/admin/users');
  return { message: `New password for ${user.email}, shown only once:`, data: { secret: password } };
});
