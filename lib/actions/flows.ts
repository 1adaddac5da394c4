'use server';

import { roleCall } from '../auth/action';
import { searchFlowParties } from '../dal/flow-counterparties';
import { deleteFlow, putFlows } from '../dal/flows';
import { deleteFlowSchema, flowBatchBodySchema, flowPartySearchSchema, parseFlowBatch } from '../flows/schema';

/** Saves flows from a company page, all or none; a stale version comes back as a conflict with the stored flow. */
export const saveFlowsAction = roleCall('analyst', flowBatchBodySchema, async (actor, body) => {
  const result = await putFlows({ actor }, parseFlowBatch(body));
  return { data: result.flows };
});

/** Deletes a flow at the version on screen; its history can restore it. */
export const deleteFlowAction = roleCall('analyst', deleteFlowSchema, async (actor, input) => {
  await deleteFlow({ actor }, input);
});

/** The flow editor's company picker, as the user types. */
export const searchFlowPartiesAction = roleCall('analyst', flowPartySearchSchema, async (actor, input) => ({
  data: await searchFlowParties({ actor }, input),
}));
