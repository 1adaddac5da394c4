import type { QueryClient } from '@tanstack/react-query';
import type { FirmMark } from '@/lib/firm/schema';
import { firmMarkQuery } from '@/lib/queries/firm';

/**
 * The firm's mark for an export, read once and then from the cache: exports ask for it only when they are made,
 * so a page that exports nothing never fetches it. An export is never refused for want of the mark: if it cannot
 * be read, the export goes without it.
 */
export function firmMarkForExport(client: QueryClient): Promise<FirmMark | null> {
  return client.ensureQueryData({ ...firmMarkQuery, revalidateIfStale: true }).catch(() => null);
}
