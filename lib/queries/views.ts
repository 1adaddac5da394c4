import { queryOptions } from '@tanstack/react-query';
import type { SavedView } from '../views/schema';
import { fetchAnswer } from './fetch-answer';

export const viewsQuery = queryOptions({
  queryKey: ['views'],
  queryFn: async () => (await fetchAnswer<{ items: SavedView[] }>('/api/v1/views')).items,
});

/** A refused write: the API's message, and each field's own when it named them. */
export class ViewWriteError extends Error {
  constructor(
    message: string,
    readonly fields: Partial<Record<string, string>>,
    readonly status: number,
  ) {
    super(message);
  }
}

/** POSTs, PATCHes or DELETEs a view through the API; a refusal becomes a ViewWriteError. */
export async function writeView(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<SavedView | null> {
  const response = await fetch(path, {
    method,
    headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const answer = (await response.json().catch(() => null)) as
    | (SavedView & { error?: undefined })
    | { error?: { message?: string; issues?: { path?: (string | number)[]; message: string }[] } }
    | null;
  if (response.ok) return answer as SavedView;
  const error = answer?.error;
  const fields: Record<string, string> = {};
  for (const issue of error?.issues ?? []) if (issue.path?.[0] !== undefined) fields[String(issue.path[0])] ??= issue.message;
  throw new ViewWriteError(error?.message ?? `The server answered ${response.status}.`, fields, response.status);
}
