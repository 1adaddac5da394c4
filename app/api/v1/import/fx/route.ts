import { NextResponse } from 'next/server';
import { importQuerySchema, readCsvBody } from '@/lib/api/csv';
import { withAuth } from '@/lib/api/handler';
import { searchParamsObject } from '@/lib/api/query';
import { importFxCsv } from '@/lib/dal/fx';

/** POST /api/v1/import/fx[?dryRun=1] with fx.csv as the body → the summary; a bad file → 422 with every bad row. */
export const POST = withAuth('analyst', async ({ req, actor }) => {
  const { dryRun } = importQuerySchema.parse(searchParamsObject(req));
  return NextResponse.json(await importFxCsv(actor, await readCsvBody(req), { dryRun }), {
    headers: { 'Cache-Control': 'no-store' },
  });
});
