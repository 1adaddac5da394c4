import { z } from 'zod';
import { textRule } from '../domain/text';

/** The rules of a list name, shared by the lists page, the company form, bulk actions and the CSV importer. */
export const listNameSchema = z
  .string()
  .trim()
  .min(1, 'Name the list.')
  .max(60, 'Use at most 60 characters.')
  .superRefine(textRule('name'))
  .refine((v) => !v.includes(';'), 'A list name cannot contain ";" (it separates lists in CSV files).');

export const createListSchema = z.object({ name: listNameSchema });
export type CreateListInput = z.output<typeof createListSchema>;

export const renameListSchema = z.object({ listId: z.uuid('Unknown list.'), name: listNameSchema });
export type RenameListInput = z.output<typeof renameListSchema>;

export const deleteListSchema = z.object({ listId: z.uuid() });

export interface ListView {
  id: string;
  name: string;
  /** Active (not archived) companies on the list. */
  companies: number;
}
