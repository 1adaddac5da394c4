'use server';

import { revalidatePath } from 'next/cache';
import { roleAction } from '../auth/action';
import { changeUserRole, createUser, resetUserPassword, setUserDisabled } from '../dal/users';
import { changeRoleSchema, createUserSchema, setDisabledSchema, userIdSchema } from '../users/schema';

export const createUserAction = roleAction('admin', createUserSchema, async (actor, input) => {
  const { user, initialPassword } = await createUser({ actor }, input);
  revalidatePath('/admin/users');
  return {
    message: `Created ${user.email}. Pass on the initial password below; it is shown only once.`,
    data: { secret: initialPassword ?? '' },
  };
});

export const changeRoleAction = roleAction('admin', changeRoleSchema, async (actor, input) => {
  const user = await changeUserRole({ actor }, input);
  revalidatePath('/admin/users');
  return { message: `${user.email} is now ${user.role}.` };
});

export const setDisabledAction = roleAction('admin', setDisabledSchema, async (actor, input) => {
  const user = await setUserDisabled({ actor }, input);
  revalidatePath('/admin/users');
  return { message: `${user.email} is ${user.disabled ? 'disabled; their sessions and tokens stop working' : 'enabled'}.` };
});

export const resetPasswordAction = roleAction('admin', userIdSchema, async (actor, { userId }) => {
  const { user, password } = await resetUserPassword({ actor }, userId);
  revalidatePath('/admin/users');
  return { message: `New password for ${user.email}, shown only once:`, data: { secret: password } };
});
