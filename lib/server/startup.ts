import 'server-only';
import { openProcessDatabase } from '@/db/client';
import { authSecret } from '../auth/auth-secret';
import { env } from '../env/index.js';
import { SYSTEM_ACTOR } from '../domain/actor';
import { loadDemoUniverseOnce, type DemoLoad } from '../dal/demo-universe';
import { ensureFirstAdmin, type FirstAdminOutcome } from './first-admin';

/**
 * Runs once when the server starts (instrumentation.ts): opens the database (taking the embedded folder's
 * lock and applying migrations), makes sure there is a session secret and a first admin, loads the demo
 * universe on a demo start into an empty database (once), and prints where to go and how to sign in. Any failure stops the server with a one-line reason.
 */
export async function startUp(): Promise<void> {
  try {
    const database = await openProcessDatabase();
    authSecret();
    const admin = await ensureFirstAdmin();
    const demo = env().STACKLENS_DEMO ? await loadDemoUniverseOnce({ actor: SYSTEM_ACTOR }) : null;
    printBanner(database.describe, admin, demo);
  } catch (error) {
    console.error(`\nStacklens cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

/**
 * What the server prints once it is ready: the database, what the demo loaded, and last, where to go and how to sign
 * in, between two rules so it stands out of Next's own output.
 */
function printBanner(database: string, admin: FirstAdminOutcome, demo: DemoLoad | null): void {
  const e = env();
  const url = e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`;
  const lines = [`Database: ${database}`];
  if (demo)
    lines.push(
      `Loaded the demo universe: ${demo.companies.created} companies, ${demo.exposures.created} exposure profiles, ${demo.figures.created} figures, ${demo.fx.created} FX rates, ${demo.flows.created} flows (db/seed/ai-stack; check before use).`,
    );
  switch (admin.kind) {
    case 'created-demo':
      lines.push(
        `The demo admin's password is shown once here; it is also kept in ${admin.file}, readable only by you.`,
        '',
        `Stacklens is ready: open ${url} and sign in as ${admin.email} with password ${admin.password}`,
      );
      break;
    case 'demo':
      lines.push('', `Stacklens is ready: open ${url} and sign in as ${admin.email}; the password is in ${admin.file}`);
      break;
    case 'created-from-env':
      lines.push(
        '',
        `Stacklens is ready: open ${url} and sign in as ${admin.email} (the first admin, from STACKLENS_ADMIN_EMAIL).`,
      );
      break;
    case 'none':
      lines.push(
        '',
        `Stacklens is running at ${url}, but no admin exists yet. Set STACKLENS_ADMIN_EMAIL and`,
        'STACKLENS_ADMIN_PASSWORD and restart, or stop the server and run:',
        '  npm run stacklens -- user add --email you@example.com --role admin',
      );
      break;
    case 'exists':
      lines.push('', `Stacklens is ready: open ${url} and sign in.`);
      break;
  }
  const rule = '─'.repeat(Math.min(100, Math.max(...lines.map((l) => l.length))));
  console.log(['', rule, ...lines, rule, ''].join('\n'));
}
