import type { z } from 'zod';
import { RuleError, type FieldIssue } from './errors';

/**
 * Every item of a batch body (`{ figures: [...] }`, `{ flows: [...] }`) parsed with `schema`; any problem of any item
 * refuses the whole batch, each named by its path (`figures[3].value`), so every bad item is reported at once.
 */
export function parseBatchItems<S extends z.ZodType>(items: readonly unknown[], schema: S, root: string): z.output<S>[] {
  const issues: FieldIssue[] = [];
  const parsed: z.output<S>[] = [];
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
