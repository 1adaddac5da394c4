'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { roleAction, roleCall } from '../auth/action';
import { LAYER_KEYS } from '../domain/layers';
import { listNameSchema } from '../domain/company';
import { percentagesSchema, percentagesToShares, totalIsComplete } from '../domain/company-form';
import { RuleError } from '../errors';
import { bulkUpdateCompanies, createCompany, deleteCompanyPermanently, updateCompany } from '../dal/company-writes';
import { createList, deleteList, renameList, renameListSchema } from '../dal/lists';
import type { CompanyView } from '../dal/company-views';

const companyFormSchema = z.object({
  id: z.uuid().optional(),
  version: z.number().int().min(1).optional(),
  fields: z.record(z.string(), z.unknown()),
  percentages: percentagesSchema,
  subLayers: z.partialRecord(z.enum(LAYER_KEYS), z.string().max(60)).default({}),
});

/** Saves the company form: percentages become exact fractions; an edit carries the version it started from. */
export const saveCompanyAction = roleCall('analyst', companyFormSchema, async (actor, form) => {
  if (!totalIsComplete(form.percentages))
    throw new RuleError('The shares must total 100% (put the rest in "outside the AI stack").', [
      { path: ['exposures'], message: 'The shares must total 100%.' },
    ]);
  const exposures = percentagesToShares(form.percentages).map((e) => ({ ...e, subLayer: form.subLayers[e.layer] ?? null }));
  const input = { ...form.fields, exposures };
  const saved: CompanyView =
    form.id === undefined
      ? await createCompany(actor, input)
      : await updateCompany(actor, form.id, { ...input, version: form.version ?? 0 });
  revalidatePath('/companies');
  revalidatePath(`/companies/${saved.id}`);
  return { message: `Saved ${saved.name}.`, data: { id: saved.id } };
});

const bulkSchema = z.object({
  ids: z.array(z.uuid()).min(1, 'Select at least one company.').max(10_000),
  action: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('add-to-list'), list: listNameSchema }),
    z.object({ kind: z.literal('remove-from-list'), list: listNameSchema }),
    z.object({ kind: z.literal('set-layer'), layer: z.enum(LAYER_KEYS) }),
    z.object({ kind: z.literal('archive') }),
    z.object({ kind: z.literal('restore') }),
  ]),
});

export const bulkCompaniesAction = roleCall('analyst', bulkSchema, async (actor, { ids, action }) => {
  const { changed } = await bulkUpdateCompanies(actor, ids, action);
  revalidatePath('/companies');
  return { message: `${changed} of ${ids.length} ${ids.length === 1 ? 'company' : 'companies'} changed.` };
});

/** Archive or restore one company from its page. */
export const setArchivedAction = roleCall(
  'analyst',
  z.object({ id: z.uuid(), archived: z.boolean() }),
  async (actor, { id, archived }) => {
    await bulkUpdateCompanies(actor, [id], { kind: archived ? 'archive' : 'restore' });
    revalidatePath(`/companies/${id}`);
    revalidatePath('/companies');
    return { message: archived ? 'Archived: hidden from lists and analytics until restored.' : 'Restored.' };
  },
);

export const createListAction = roleAction('analyst', z.object({ name: listNameSchema }), async (actor, input) => {
  const list = await createList(actor, input);
  revalidatePath('/lists');
  return { message: `Created the list ${list.name}.` };
});

export const renameListAction = roleAction('analyst', renameListSchema, async (actor, input) => {
  await renameList(actor, input);
  revalidatePath('/lists');
  return { message: `Renamed to ${input.name}.` };
});

export const deleteListAction = roleAction('analyst', z.object({ listId: z.uuid() }), async (actor, { listId }) => {
  await deleteList(actor, listId);
  revalidatePath('/lists');
  return { message: 'List deleted; its companies are unchanged.' };
});

export const deleteCompanyAction = roleCall('admin', z.object({ id: z.uuid() }), async (actor, { id }) => {
  await deleteCompanyPermanently(actor, id);
  revalidatePath('/companies');
  return { message: 'Deleted for good.' };
});
