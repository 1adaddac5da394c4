import { NextResponse } from 'next/server';
import { importQuerySchema, readCsvBody } from '@/lib/api/csv';
import { withAuth } from '@/lib/api/handler';
import { searchParamsObject } from '@/lib/api/query';
import { importCompaniesCsv } from '@/lib/dal/company-csv';

/**
 * POST /api/v1/import/companies[?dryRun=1] with companies.csv as the body → 200 { dryRun, created, updated,
 * unchanged, warnings }; a bad file → 422 listing every bad row, and nothing is written (SPEC §6, §7).
 */
export const POST = withAuth('analyst', async ({ req, actor }) => {
  const { dryRun } = importQuerySchema.parse(searchParamsObject(req));
  const summary = await importCompaniesCsv(actor, await readCsvBody(req), { dryRun });
  return NextResponse.json(summary, { headers: { 'Cache-Control': 'no-store' } });
});
