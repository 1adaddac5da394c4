import { readdirSync } from 'node:fs';
import path from 'node:path';
import { hasRole, type Role } from '../domain/roles';

/**
 * The authorisation matrix (docs/data-contract.md §2): the least role of every API route method and every page.
 * `lib/testing/authz-matrix.test.ts` calls every route handler, and `e2e/authz-matrix.spec.ts` opens every page,
 * as each credential below, and both fail when a file under `app/` has no row here or a row names a file that is
 * gone. Adding a route or a page means adding its row.
 */
export type LeastRole = 'anonymous' | Role;
export type Credential = 'anonymous' | Role;
export const CREDENTIALS: readonly Credential[] = ['anonymous', 'viewer', 'analyst', 'admin'];

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Route files (relative to the repository) → the least role of each method they export. */
export const API_MATRIX: Record<string, Partial<Record<HttpMethod, LeastRole>>> = {
  'app/api/auth/[...nextauth]/route.ts': { GET: 'anonymous', POST: 'anonymous' },
  'app/api/health/route.ts': { GET: 'anonymous' },
  'app/api/v1/analytics/flows/cell/route.ts': { GET: 'viewer' },
  'app/api/v1/analytics/flows/route.ts': { GET: 'viewer' },
  'app/api/v1/analytics/gap/route.ts': { GET: 'viewer' },
  'app/api/v1/analytics/layers/[key]/route.ts': { GET: 'viewer' },
  'app/api/v1/analytics/layers/route.ts': { GET: 'viewer' },
  'app/api/v1/analytics/profitability/route.ts': { GET: 'viewer' },
  'app/api/v1/analytics/series/route.ts': { GET: 'viewer' },
  'app/api/v1/companies/[id]/route.ts': { GET: 'viewer', PATCH: 'analyst', DELETE: 'analyst' },
  'app/api/v1/companies/route.ts': { GET: 'viewer', POST: 'analyst' },
  'app/api/v1/export/audit.csv/route.ts': { GET: 'admin' },
  'app/api/v1/export/companies.csv/route.ts': { GET: 'viewer' },
  'app/api/v1/export/figures.csv/route.ts': { GET: 'viewer' },
  'app/api/v1/export/flows.csv/route.ts': { GET: 'viewer' },
  'app/api/v1/export/fx.csv/route.ts': { GET: 'viewer' },
  'app/api/v1/export/exposures.csv/route.ts': { GET: 'viewer' },
  'app/api/v1/firm/logo/route.ts': { GET: 'viewer', POST: 'admin', DELETE: 'admin' },
  'app/api/v1/firm/route.ts': { GET: 'viewer', PUT: 'admin' },
  'app/api/v1/figures/[id]/route.ts': { DELETE: 'analyst' },
  'app/api/v1/figures/route.ts': { GET: 'viewer', PUT: 'analyst' },
  'app/api/v1/import/companies/route.ts': { POST: 'analyst' },
  'app/api/v1/import/figures/route.ts': { POST: 'analyst' },
  'app/api/v1/import/flows/route.ts': { POST: 'analyst' },
  'app/api/v1/import/fx/route.ts': { POST: 'analyst' },
  'app/api/v1/import/exposures/route.ts': { POST: 'analyst' },
  'app/api/v1/flows/[id]/route.ts': { DELETE: 'analyst' },
  'app/api/v1/flows/route.ts': { GET: 'viewer', PUT: 'analyst' },
  'app/api/v1/layers/route.ts': { GET: 'viewer' },
  'app/api/v1/snapshots/[id]/compare/route.ts': { GET: 'viewer' },
  'app/api/v1/snapshots/[id]/route.ts': { GET: 'viewer', DELETE: 'admin' },
  'app/api/v1/snapshots/route.ts': { GET: 'viewer', POST: 'analyst' },
  'app/api/v1/views/[id]/route.ts': { PATCH: 'viewer', DELETE: 'viewer' },
  'app/api/v1/views/route.ts': { GET: 'viewer', POST: 'viewer' },
};

/** Requests whose query asks for more than the route's gate: the data layer checks the higher role. */
export const API_QUERY_VARIANTS: { file: string; method: HttpMethod; query: string; least: LeastRole }[] = [
  { file: 'app/api/v1/companies/[id]/route.ts', method: 'DELETE', query: '?permanent=1', least: 'admin' },
];

/** next-auth's handler reads the request through `next/headers`, which only a running server provides. */
export const PROBED_OVER_HTTP = new Set(['app/api/auth/[...nextauth]/route.ts']);

/** Page files (relative to the repository) → their least role. */
export const PAGE_MATRIX: Record<string, LeastRole> = {
  'app/(auth)/login/page.tsx': 'anonymous',
  'app/(app)/(analyst)/companies/[id]/edit/page.tsx': 'analyst',
  'app/(app)/(analyst)/companies/new/page.tsx': 'analyst',
  'app/(app)/(main)/page.tsx': 'viewer',
  'app/(app)/(main)/about/page.tsx': 'viewer',
  'app/(app)/(main)/account/page.tsx': 'viewer',
  'app/(app)/(main)/account/tokens/page.tsx': 'viewer',
  'app/(app)/(main)/companies/page.tsx': 'viewer',
  'app/(app)/(main)/companies/[id]/page.tsx': 'viewer',
  'app/(app)/(main)/figures/page.tsx': 'viewer',
  'app/(app)/(main)/fx/page.tsx': 'viewer',
  'app/(app)/(main)/import/page.tsx': 'viewer',
  'app/(app)/(main)/layers/page.tsx': 'viewer',
  'app/(app)/(main)/layers/[key]/page.tsx': 'viewer',
  'app/(app)/(main)/lists/page.tsx': 'viewer',
  'app/(app)/(main)/snapshots/page.tsx': 'viewer',
  'app/(app)/(main)/snapshots/[snapshotId]/page.tsx': 'viewer',
  'app/(app)/admin/audit/page.tsx': 'admin',
  'app/(app)/admin/firm/page.tsx': 'admin',
  'app/(app)/admin/users/page.tsx': 'admin',
};

/** Whether a credential passes a gate: anonymous passes only an anonymous gate; roles nest. */
export function allowed(least: LeastRole, credential: Credential): boolean {
  if (least === 'anonymous') return true;
  return credential !== 'anonymous' && hasRole(credential, least);
}

/**
 * An API call's answer at the role gate: 401 without a credential, 403 below the least role, and otherwise any
 * other status (a dummy body or id may well be a 400, 404 or 422 once past the gate).
 */
export const expectedGate = (least: LeastRole, credential: Credential): string =>
  allowed(least, credential) ? 'passes the gate' : credential === 'anonymous' ? '401' : '403';
export const gateOf = (status: number): string => (status === 401 || status === 403 ? String(status) : 'passes the gate');

/** The files named `fileName` under `dir` (relative to the repository root `root`), sorted. */
export function discoverFiles(root: string, dir: string, fileName: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === fileName)
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** What differs between the files found and the rows of a table, as lines a reader can act on. */
export function matrixGaps(found: string[], rows: string[]): string[] {
  const missing = found.filter((key) => !rows.includes(key)).map((key) => `no row in the authorisation matrix: ${key}`);
  const stale = rows.filter((key) => !found.includes(key)).map((key) => `a row names what no longer exists: ${key}`);
  return [...missing, ...stale];
}

/** The URL of a route or page file: route groups dropped, each `[segment]` filled from `params` (kept without). */
export function urlOf(file: string, params?: Record<string, string>): string {
  const segments = file
    .split('/')
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => {
      const name = /^\[(?:\.\.\.)?(.+)\]$/.exec(segment)?.[1];
      if (name === undefined || params === undefined) return segment;
      const value = params[name];
      if (value === undefined) throw new Error(`No value for [${name}] in ${file}`);
      return value;
    });
  return `/${segments.join('/')}`;
}
