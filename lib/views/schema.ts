import { z } from 'zod';
import { dashboardFiltersToSearch, parseDashboardFilters } from '../domain/dashboard/filters';
import { textRule } from '../domain/text';

export const VIEW_NAME_MAX = 200;

/** A view's or a snapshot's name. */
export const viewName = z
  .string('Name the view.')
  .trim()
  .min(1, 'Name the view, e.g. "Q3 IC memo".')
  .max(VIEW_NAME_MAX, `Use at most ${VIEW_NAME_MAX} characters for the view's name.`)
  .superRefine(textRule('name'));

/**
 * The dashboard's query string, kept in its canonical form: what the dashboard itself would write for the same
 * filters (a leading `?` is dropped, defaults and unknown parameters left out), so two views of the same filters
 * store the same text.
 */
export const viewSearch = z
  .string('The view\'s filters are its dashboard query string, e.g. "year=2024&metric=capex".')
  .max(2000, 'The dashboard query string is at most 2,000 characters.')
  .transform((search) => dashboardFiltersToSearch(parseDashboardFilters(new URLSearchParams(search.replace(/^\?/, '')))));

/** The memo pack's ticked charts, by the ids their cards carry; null ticks every chart. */
export const viewCharts = z
  .array(
    z.string().regex(/^[a-z0-9-]{1,60}$/, 'A chart id is lower-case letters, digits and dashes.'),
    'charts is a list of chart ids.',
  )
  .max(40, 'At most 40 charts.')
  .transform((ids) => [...new Set(ids)])
  .nullable();

export const createViewSchema = z.object({
  name: viewName,
  shared: z.boolean('shared is true or false.').default(false),
  search: viewSearch.default(''),
  charts: viewCharts.default(null),
});
export type CreateViewInput = z.output<typeof createViewSchema>;

/** A change to a view at the version its editor read: a stale version is a 409 with the stored view. */
export const patchViewSchema = z.object({
  version: z.number('The version must be the number you read.').int().min(1),
  name: viewName.optional(),
  shared: z.boolean('shared is true or false.').optional(),
  search: viewSearch.optional(),
  charts: viewCharts.optional(),
});
export type PatchViewInput = z.output<typeof patchViewSchema>;

export interface SavedView {
  id: string;
  name: string;
  shared: boolean;
  search: string;
  charts: string[] | null;
  version: number;
  owner: { id: string; name: string };
  /** Whether the user who asked may rename, re-share or delete it: its owner, or an admin. */
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}
