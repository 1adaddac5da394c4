'use server';

import { revalidatePath } from 'next/cache';
import { roleAction } from '../auth/action';
import { setFxRate, setFxRateSchema } from '../dal/fx';

export const setFxRateAction = roleAction('analyst', setFxRateSchema, async (actor, input) => {
  const rate = await setFxRate(actor, input);
  revalidatePath('/fx');
  return { message: `${rate.currency} ${rate.year}: 1 ${rate.currency} = ${rate.usdPerUnit} USD.` };
});
