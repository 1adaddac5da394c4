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

function printBanner(database: string, admin: FirstAdminOutcome, demo: DemoLoad | null): void {
  const e = env();
  const url = e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`;
  const lines = [``, `Stacklens is running at ${url}`, `Database: ${database}`];
  if (demo)
    lines.push(
      `Loaded the demo universe: ${demo.companies.created} companies, ${demo.figures.created} figures, ${demo.fx.created} FX rates, ${demo.flows.created} flows (db/seed/ai-stack; check before use).`,
    );
  switch (admin.kind) {
    case 'created-demo':
      lines.push(
        `Sign in as ${admin.email} with password ${admin.password}`,
        `(shown once; also kept in ${admin.file}, readable only by you)`,
      );
      break;
    case 'demo':
      lines.push(`Sign in as ${admin.email}; the password is in ${admin.file}`);
      break;
    case 'created-from-env':
      lines.push(`Created the first admin ${admin.email} from STACKLENS_ADMIN_EMAIL.`);
      break;
    case 'none':
      lines.push(
        'No admin exists yet. Set STACKLENS_ADMIN_EMAIL and STACKLENS_ADMIN_PASSWORD and restart, or stop the',
        'server and run: npm run stacklens -- user add --email you@example.com --role admin',
      );
      break;
    case 'exists':
      break;
  }
  console.log(lines.join('\n') + '\n');
}
