'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { roleAction } from '../auth/action';
import { changeOwnPassword, changeOwnPasswordSchema } from '../dal/users';
import { createApiToken, createTokenSchema, revokeApiToken } from '../dal/api-tokens';

export const changePasswordAction = roleAction('viewer', changeOwnPasswordSchema, async (actor, input) => {
  await changeOwnPassword(actor, input);
  return { message: 'Password changed. Your other sessions have been signed out.' };
});

export const createTokenAction = roleAction('viewer', createTokenSchema, async (actor, input) => {
  const { token, view } = await createApiToken(actor, input);
  revalidatePath('/account/tokens');
  return { message: `Token "${view.name}" created. Copy it now: it is shown only once.`, data: { secret: token } };
});

export const revokeTokenAction = roleAction('viewer', z.object({ tokenId: z.uuid('Unknown token.') }), async (actor, input) => {
  await revokeApiToken(actor, input.tokenId);
  revalidatePath('/account/tokens');
  return { message: 'Token revoked; requests with it are now refused.' };
});
