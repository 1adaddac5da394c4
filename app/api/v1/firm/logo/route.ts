import { NextResponse } from 'next/server';
import { z } from 'zod';
import { PayloadTooLargeError, readBodyBytes } from '@/lib/api/body';
import { withAuth } from '@/lib/api/handler';
import { parseSearch } from '@/lib/api/query';
import { clearFirmLogo, getFirmLogo, setFirmLogo } from '@/lib/dal/firm';
import { NotFoundError } from '@/lib/errors';
import { LOGO_MAX_BYTES, logoVersion } from '@/lib/firm/schema';

const logoQuerySchema = z.object({ v: z.string().max(64).optional() });

const TOO_LARGE = 'The logo is larger than 1 MB; a logo can be at most 1 MB.';
const tooLarge = () => new PayloadTooLargeError(TOO_LARGE, [{ path: ['logo'], message: TOO_LARGE }]);

/**
 * GET /api/v1/firm/logo → the image with its own Content-Type and its hash as the ETag (304 to a matching
 * If-None-Match). At its versioned URL (`?v=`, from GET /api/v1/firm) it may be kept for good: a new logo is a new URL.
 */
export const GET = withAuth('viewer', async ({ req, actor }) => {
  const { v } = parseSearch(req, logoQuerySchema);
  const logo = await getFirmLogo({ actor });
  if (!logo) throw new NotFoundError('The firm has no logo.');
  const etag = `"${logo.sha256}"`;
  const versioned = v === logoVersion(logo.sha256);
  const headers = {
    ETag: etag,
    'Cache-Control': versioned ? 'private, max-age=31536000, immutable' : 'private, no-cache',
  };
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(logo.bytes), {
    headers: { ...headers, 'Content-Type': logo.mime, 'Content-Length': String(logo.bytes.byteLength) },
  });
});

/**
 * POST /api/v1/firm/logo (admin) with the image itself as the body and its type as the Content-Type (image/png or
 * image/jpeg; no multipart form) → the firm as GET /api/v1/firm answers it. A refused logo is a 4xx naming `logo`.
 */
export const POST = withAuth('admin', async ({ req, actor }) => {
  const bytes = await readBodyBytes(req, LOGO_MAX_BYTES, tooLarge);
  const firm = await setFirmLogo({ actor }, { declaredType: req.headers.get('content-type'), bytes });
  return NextResponse.json(firm, { headers: { 'Cache-Control': 'no-store' } });
});

/** DELETE /api/v1/firm/logo (admin) → the firm without its logo; 404 when there is none. */
export const DELETE = withAuth('admin', async ({ actor }) =>
  NextResponse.json(await clearFirmLogo({ actor }), { headers: { 'Cache-Control': 'no-store' } }),
);
