/** What decides a response's security headers: the request's script nonce, the site's scheme, the build. */
export type SecurityHeaderOptions = {
  /** A fresh random value per request; Next.js puts it on its own scripts. */
  nonce: string;
  /** NEXTAUTH_URL is https: browsers are told to use https only (HSTS) and to upgrade insecure requests. */
  https: boolean;
  /** `next dev` evaluates code for its stack traces and needs 'unsafe-eval'; a production build does not. */
  development: boolean;
};

// Device features denied outright; this site may write the clipboard (the chart's Copy image button). Clipboard
// reads keep the browser's default, a permission prompt.
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'bluetooth=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
  'clipboard-write=(self)',
].join(', ');

/** The Content-Security-Policy: scripts only by nonce (and what they load), everything else from this site. */
export function contentSecurityPolicy({ nonce, https, development }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // React renders style={{…}} as style attributes, which a nonce cannot cover.
    "style-src 'self' 'unsafe-inline'",
    // Chart exports draw an SVG snapshot to a canvas through blob: and data: URLs.
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Every security header of a response, in one place (docs/architecture.md, "Security headers"). */
export function securityHeaders(options: SecurityHeaderOptions): { 'Content-Security-Policy': string } & Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'Permissions-Policy': PERMISSIONS_POLICY,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    ...(options.https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
