'use server';

import { revalidatePath } from 'next/cache';
import { roleAction } from '../auth/action';
import { setFirmName } from '../dal/firm';
import { setFirmNameSchema } from '../firm/schema';

/** The admin page's name form; the logo goes through POST /api/v1/firm/logo, since an action takes at most 1 MB. */
export const setFirmNameAction = roleAction('admin', setFirmNameSchema, async (actor, input) => {
  const firm = await setFirmName({ actor }, input);
  revalidatePath('/admin/firm');
  return { message: firm.name ? `The firm's name is now ${firm.name}.` : "The firm's name is cleared." };
});
