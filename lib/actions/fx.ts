'use server';

import { revalidatePath } from 'next/cache';
import { roleAction } from '../auth/action';
import { setFxRate } from '../dal/fx';
import { setFxRateSchema } from '../fx/schema';

export const setFxRateAction = roleAction('analyst', setFxRateSchema, async (actor, input) => {
  const rate = await setFxRate({ actor }, input);
  revalidatePath('/fx');
  return { message: `${rate.currency} ${rate.year}: 1 ${rate.currency} = ${rate.usdPerUnit} USD.` };
});
