/** Where to go after signing in: only a path on this site, never another origin (open-redirect guard). */
export function safeCallbackPath(value: string | undefined): string {
  if (!value) return '/';
  let path = value;
  try {
    // next-auth sends absolute URLs; keep only their path.
    if (/^https?:\/\//i.test(value)) {
      const url = new URL(value);
      path = url.pathname + url.search;
    }
  } catch {
    return '/';
  }
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\') || path.startsWith('/login')) return '/';
  return path;
}
