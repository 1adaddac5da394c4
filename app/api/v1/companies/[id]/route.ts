import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { idParam, isFlagSet, jsonBody } from '@/lib/api/query';
import { companyPatchSchema } from '@/lib/companies/schema';
import { getCompany } from '@/lib/dal/companies';
import { bulkUpdateCompanies, deleteCompanyPermanently, updateCompany } from '@/lib/dal/company-writes';

type Params = { id: string };

const companyId = (params: Params) => idParam(params.id, 'No such company.');

export const GET = withAuth<Params>('viewer', async ({ actor, params }) =>
  NextResponse.json(await getCompany({ actor }, companyId(params))),
);

/** PATCH takes `version` (409 with the stored company when stale); `archived: false` restores. */
export const PATCH = withAuth<Params>('analyst', async ({ req, actor, params }) => {
  const id = companyId(params);
  const patch = companyPatchSchema.parse(await jsonBody(req));
  return NextResponse.json(await updateCompany({ actor }, { id, patch }));
});

/** DELETE archives; an admin's `?permanent=1` deletes for good. */
export const DELETE = withAuth<Params>('analyst', async ({ req, actor, params }) => {
  const ctx = { actor };
  const id = companyId(params);
  if (isFlagSet(req, 'permanent')) {
    await deleteCompanyPermanently(ctx, id);
    return new NextResponse(null, { status: 204 });
  }
  await getCompany(ctx, id); // 404 for an unknown id
  await bulkUpdateCompanies(ctx, { ids: [id], action: { kind: 'archive' } });
  return NextResponse.json(await getCompany(ctx, id));
});
