import { csvAttachment } from '@/lib/api/csv';
import { withAuth } from '@/lib/api/handler';
import { searchParamsObject } from '@/lib/api/query';
import { companyFilterFromSearch } from '@/lib/companies/filter';
import { exportCompaniesCsv } from '@/lib/dal/company-csv';

/**
 * GET /api/v1/export/companies.csv?q=&layer=&layerMode=&list=&status=&country=&sort=&dir= → companies.csv of every
 * active company the filter selects (limit and offset do not apply: the export is never paged). Filters are read
 * leniently, like the companies page, so a link copied from it always downloads.
 */
export const GET = withAuth('viewer', async ({ req, actor }) => {
  const filter = companyFilterFromSearch(searchParamsObject(req));
  return csvAttachment(await exportCompaniesCsv({ actor }, filter), 'stacklens-companies');
});
