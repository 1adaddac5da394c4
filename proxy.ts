import { NextResponse, type NextRequest } from 'next/server';
import { securityHeaders } from '@/lib/domain/security-headers';
import { env } from '@/lib/env/index.js';

/**
 * Sets the security headers of every response, with a fresh script nonce per request. Next.js reads the
 * nonce from the request's Content-Security-Policy header and puts it on its own scripts, so pages render per
 * request (they do already, through connection()). This is no security boundary: it decides no access;
 * authorisation stays in the data layer.
 */
export function proxy(request: NextRequest): NextResponse {
  const { NEXTAUTH_URL, NODE_ENV } = env();
  const headers = securityHeaders({
    nonce: Buffer.from(crypto.randomUUID()).toString('base64'),
    https: NEXTAUTH_URL?.startsWith('https:') ?? false,
    development: NODE_ENV === 'development',
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
