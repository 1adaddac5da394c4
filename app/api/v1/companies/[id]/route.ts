import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { isFlagSet, jsonBody } from '@/lib/api/query';
import { companyPatchSchema } from '@/lib/companies/schema';
import { getCompany } from '@/lib/dal/companies';
import { bulkUpdateCompanies, deleteCompanyPermanently, updateCompany } from '@/lib/dal/company-writes';

type Params = { id: string };

export const GET = withAuth<Params>('viewer', async ({ actor, params }) =>
  NextResponse.json(await getCompany({ actor }, params.id)),
);

/** PATCH takes `version` (409 with the stored company when stale); `archived: false` restores. */
export const PATCH = withAuth<Params>('analyst', async ({ req, actor, params }) => {
  const patch = companyPatchSchema.parse(await jsonBody(req));
  return NextResponse.json(await updateCompany({ actor }, { id: params.id, patch }));
});

/** DELETE archives; an admin's `?permanent=1` deletes for good. */
export const DELETE = withAuth<Params>('analyst', async ({ req, actor, params }) => {
  const ctx = { actor };
  if (isFlagSet(req, 'permanent')) {
    await deleteCompanyPermanently(ctx, params.id);
    return new NextResponse(null, { status: 204 });
  }
  await getCompany(ctx, params.id); // 404 for an unknown id
  await bulkUpdateCompanies(ctx, { ids: [params.id], action: { kind: 'archive' } });
  return NextResponse.json(await getCompany(ctx, params.id));
});
