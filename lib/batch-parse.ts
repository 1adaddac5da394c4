import { z as zod } from 'zod';
import { RuleError, type FieldIssue } from './errors';

/**
 * Every item of a batch body (`{ figures: [...] }`, `{ flows: [...] }`) parsed with `schema`; any problem of any item
 * refuses the whole batch, each named by its path (`figures[3].value`), so every bad item is reported at once.
 */
export function parseBatchItems<S extends zod.ZodType>(items: readonly unknown[], schema: S, root: string): zod.output<S>[] {
  const issues: FieldIssue[] = [];
  const parsed: zod.output<S>[] = [];
  items.forEach((item, i) => {
    const result = schema.safeParse(item);
    if (result.success) parsed.push(result.data);
    else
      for (const issue of result.error.issues)
        issues.push({
          path: [root, i, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
          message: issue.message,
        });
  });
  if (issues.length > 0) throw new RuleError(`Some ${root} are not valid; nothing was saved.`, issues);
  return parsed;
}

/**
 * DELETE …/{id}?version= of a versioned row (a figure, a flow): at the version read. Missing, it is a conflict (409
 * with the stored row), as a stale one is (docs/data-contract.md §7).
 */
export function deleteAtVersionSchema(noun: string) {
  return zod.object({
    id: zod.uuid(`No such ${noun}.`),
    version: zod.coerce.number('?version= must be the number you read.').int().min(1).optional(),
  });
}
export type DeleteAtVersionInput = zod.infer<ReturnType<typeof deleteAtVersionSchema>>;

/** Undoing a deletion of a versioned row names its audit event. */
export const restoreDeletionSchema = zod.object({ eventId: zod.number().int().min(1) });
export type RestoreDeletionInput = zod.infer<typeof restoreDeletionSchema>;
