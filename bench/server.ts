/**
 * The production server for the HTTP and browser benches: `next start` (after `npm run build`) on a port, against
 * a PostgreSQL database or an embedded PGlite data folder, signed in through next-auth's credentials callback the
 * way the login form does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface ServerOptions {
  port: number;
  /** PostgreSQL: the database's URL. */
  databaseUrl?: string;
  /** PGlite: the data folder (no other process may hold it). */
  dataDir?: string;
  /** Off: every analytics answer is computed (STACKLENS_ANALYTICS_CACHE=0); on: the default cache. */
  cache: boolean;
  /** STACKLENS_DEMO=1: an empty data folder is filled with the demo data, its admin in demo-admin.txt. */
  demo?: boolean;
  /** A folder for the server's CPU profile (`node --cpu-prof`), written when it stops. */
  cpuProfileDir?: string;
}

export interface BenchServer {
  base: string;
  /** The `cookie` header of a signed-in session. */
  signIn(email: string, password: string): Promise<string>;
  stop(): Promise<void>;
}

/** A fixed secret per bench process, so a restarted server accepts the sessions of the one before. */
const SECRET = randomBytes(32).toString('hex');

export async function startServer(options: ServerOptions): Promise<BenchServer> {
  const base = `http://localhost:${options.port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(options.port), NEXTAUTH_URL: base, NEXTAUTH_SECRET: SECRET };
  for (const name of ['DATABASE_URL', 'STACKLENS_DATA_DIR', 'STACKLENS_DEMO', 'STACKLENS_ANALYTICS_CACHE', 'NODE_OPTIONS'])
    delete env[name];
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.dataDir) env.STACKLENS_DATA_DIR = options.dataDir;
  if (options.demo) env.STACKLENS_DEMO = '1';
  if (!options.cache) env.STACKLENS_ANALYTICS_CACHE = '0';
  const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const server = spawn(process.execPath, [...profile, 'node_modules/next/dist/bin/next', 'start', '-p', String(options.port)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);
  await waitForHealth(server, base, () => log);
  return {
    base,
    signIn: (email, password) => signIn(base, email, password),
    stop: () => stop(server),
  };
}

async function waitForHealth(server: ChildProcess, base: string, log: () => string): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < 300_000) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  server.kill();
  throw new Error(`the server did not answer /api/health within 300 s:\n${log()}`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
  });
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(';')[0]!);

/** Signs in as the login form does (next-auth's CSRF token, then the credentials callback) and returns the cookies. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = cookiesOf(answer).filter((c) => c.includes('session-token'));
  if (session.length === 0) throw new Error(`signing in as ${email} failed: ${answer.status}`);
  return [...jar, ...session].join('; ');
}
