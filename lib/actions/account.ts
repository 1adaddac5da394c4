'use server';

import { revalidatePath } from 'next/cache';
import { roleAction } from '../auth/action';
import { createApiToken, revokeApiToken } from '../dal/api-tokens';
import { changeOwnPassword } from '../dal/users';
import { createTokenSchema, revokeTokenSchema } from '../tokens/schema';
import { changeOwnPasswordSchema } from '../users/schema';

export const changePasswordAction = roleAction('viewer', changeOwnPasswordSchema, async (actor, input) => {
  await changeOwnPassword({ actor }, input);
  return { message: 'Password changed. Your other sessions have been signed out.' };
});

export const createTokenAction = roleAction('viewer', createTokenSchema, async (actor, input) => {
  const { token, view } = await createApiToken({ actor }, input);
  revalidatePath('/account/tokens');
  return { message: `Token "${view.name}" created. Copy it now: it is shown only once.`, data: { secret: token } };
});

export const revokeTokenAction = roleAction('viewer', revokeTokenSchema, async (actor, { tokenId }) => {
  await revokeApiToken({ actor }, tokenId);
  revalidatePath('/account/tokens');
  return { message: 'Token revoked; requests with it are now refused.' };
});
