const SITE = 'http://same-origin.invalid';

/**
 * A Location value as a browser reads it (URL standard): tab, LF and CR removed anywhere, leading and trailing
 * C0 controls and spaces trimmed, and backslash taken as a slash in http(s) URLs.
 */
function asBrowserReadsIt(value: string): string {
  return value
    .replace(/[\t\n\r]/g, '')
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
    .replace(/\\/g, '/');
}

/**
 * Where to go after signing in: only a path on this site, never another origin (open-redirect guard).
 * The value is normalised the way a browser would before the check, and the answer is the URL parser's own
 * serialisation (percent-encoded, printable ASCII), so it is safe as a Location header. Anything doubtful is `/`.
 */
export function safeCallbackPath(value: string | undefined): string {
  if (!value) return '/';
  let path = asBrowserReadsIt(value);
  try {
    // next-auth sends absolute URLs; keep only their path.
    if (/^https?:/i.test(path)) {
      const url = new URL(path);
      path = url.pathname + url.search + url.hash;
    }
    if (!path.startsWith('/') || path.startsWith('//')) return '/';
    const url = new URL(path, SITE);
    // Dot segments can still make "//host" of the path (`/.//evil.example`): check what the parser produced.
    const result = url.pathname + url.search + url.hash;
    if (url.origin !== SITE || result.startsWith('//') || url.pathname.startsWith('/login')) return '/';
    return result;
  } catch {
    return '/';
  }
}
