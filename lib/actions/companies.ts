'use server';

import { revalidatePath } from 'next/cache';
import { roleAction, roleCall } from '../auth/action';
import {
  bulkCompaniesSchema,
  companyFormSchema,
  companyIdSchema,
  exposureProblems,
  setArchivedSchema,
  type CompanyView,
  type ExposureInput,
} from '../companies/schema';
import { percentagesToShares, totalIsComplete, type Percentages } from '../domain/company-form';
import type { LayerKey } from '../domain/layers';
import { profileLabel } from '../domain/profiles';
import { RuleError } from '../errors';
import { bulkUpdateCompanies, createCompany, deleteCompanyPermanently, updateCompany } from '../dal/company-writes';
import { createList, deleteList, renameList } from '../dal/lists';
import { createListSchema, deleteListSchema, renameListSchema } from '../lists/schema';

/**
 * Saves the company form: percentages become exact fractions, the base's and every other profile's; an edit carries
 * the version it started from and replaces the company's profiles with the form's.
 */
export const saveCompanyAction = roleCall('analyst', companyFormSchema, async (actor, form) => {
  const { id, version, percentages, subLayers, profiles: profileForms, ...fields } = form;
  const exposures = sharesOfForm(percentages, subLayers, [], 'The shares');
  const profiles = profileForms.map(({ percentages, subLayers, ...key }, i) => ({
    ...key,
    exposures: sharesOfForm(percentages, subLayers, ['profiles', i], `The shares of ${profileLabel(key)}`),
  }));
  const saved: CompanyView =
    id === undefined
      ? await createCompany({ actor }, { ...fields, exposures, profiles })
      : await updateCompany({ actor }, { id, patch: { ...fields, exposures, profiles, version: version ?? 0 } });
  revalidatePath('/companies');
  revalidatePath(`/companies/${saved.id}`);
  return { message: `Saved ${saved.name}.`, data: { id: saved.id } };
});

/**
 * One profile's percentages → its exposures, refused unless they total 100% and keep the share rules. `at`: where
 * the profile sits in the input ([] for the base, ['profiles', i] for another).
 */
function sharesOfForm(
  percentages: Percentages,
  subLayers: Partial<Record<LayerKey, string | null>>,
  at: (string | number)[],
  what: string,
): ExposureInput[] {
  if (!totalIsComplete(percentages))
    throw new RuleError(`${what} must total 100% (put the rest in "outside the AI stack").`, [
      { path: [...at, 'exposures'], message: `${what} must total 100%.` },
    ]);
  const exposures = percentagesToShares(percentages).map((e) => ({ ...e, subLayer: subLayers[e.layer] ?? null }));
  // Rounding can leave one layer just above 100%; refuse it here rather than at the database.
  const [problem] = exposureProblems(exposures);
  if (problem) throw new RuleError(`${what}: ${problem.message}`, [{ ...problem, path: [...at, ...problem.path] }]);
  return exposures;
}

export const bulkCompaniesAction = roleCall('analyst', bulkCompaniesSchema, async (actor, input) => {
  const { changed } = await bulkUpdateCompanies({ actor }, input);
  revalidatePath('/companies');
  return { message: `${changed} of ${input.ids.length} ${input.ids.length === 1 ? 'company' : 'companies'} changed.` };
});

/** Archive or restore one company from its page. */
export const setArchivedAction = roleCall('analyst', setArchivedSchema, async (actor, { id, archived }) => {
  await bulkUpdateCompanies({ actor }, { ids: [id], action: { kind: archived ? 'archive' : 'restore' } });
  revalidatePath(`/companies/${id}`);
  revalidatePath('/companies');
  return { message: archived ? 'Archived: hidden from lists and analytics until restored.' : 'Restored.' };
});

export const createListAction = roleAction('analyst', createListSchema, async (actor, input) => {
  const list = await createList({ actor }, input);
  revalidatePath('/lists');
  return { message: `Created the list ${list.name}.` };
});

export const renameListAction = roleAction('analyst', renameListSchema, async (actor, input) => {
  await renameList({ actor }, input);
  revalidatePath('/lists');
  return { message: `Renamed to ${input.name}.` };
});

export const deleteListAction = roleAction('analyst', deleteListSchema, async (actor, { listId }) => {
  await deleteList({ actor }, listId);
  revalidatePath('/lists');
  return { message: 'List deleted; its companies are unchanged.' };
});

export const deleteCompanyAction = roleCall('admin', companyIdSchema, async (actor, { id }) => {
  await deleteCompanyPermanently({ actor }, id);
  revalidatePath('/companies');
  return { message: 'Deleted for good.' };
});
