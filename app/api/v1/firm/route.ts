import { NextResponse } from 'next/server';
import { withAuth } from '@/lib/api/handler';
import { jsonBody } from '@/lib/api/query';
import { getFirm, setFirmName } from '@/lib/dal/firm';
import { setFirmNameSchema } from '@/lib/firm/schema';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** GET /api/v1/firm → { name, logo: { mime, size, width, height, sha256, url } | null, updatedAt, updatedBy }. */
export const GET = withAuth('viewer', async ({ actor }) => NextResponse.json(await getFirm({ actor }), { headers: NO_STORE }));

/** PUT /api/v1/firm { name } (admin): sets the firm's name, trimmed, 1–120 characters; "" clears it. */
export const PUT = withAuth('admin', async ({ req, actor }) => {
  const input = setFirmNameSchema.parse(await jsonBody(req));
  return NextResponse.json(await setFirmName({ actor }, input), { headers: NO_STORE });
});
