import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { jsonBody, searchParamsObject } from '@/lib/api/query';
import { companyFilterSchema } from '@/lib/companies/filter';
import { companyInputSchema } from '@/lib/companies/schema';
import { listCompanies } from '@/lib/dal/companies';
import { createCompany } from '@/lib/dal/company-writes';

/** GET /api/v1/companies?q=&layer=&list=&status=&country=&archived=&limit=&offset= → { items, total } */
export const GET = withAuth('viewer', async ({ req, actor }) => {
  const filter = companyFilterSchema.parse(searchParamsObject(req));
  return NextResponse.json(await listCompanies({ actor }, filter));
});

/** POST /api/v1/companies → 201 with the company. */
export const POST = withAuth('analyst', async ({ req, actor }) => {
  const company = await createCompany({ actor }, companyInputSchema.parse(await jsonBody(req)));
  return NextResponse.json(company, { status: 201 });
});
