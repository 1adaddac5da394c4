import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../domain/actor';
import { env } from '../env/index.js';
import type { Ctx } from '../dal/context';
import { countEnabledAdmins, createUser, findUserByEmail } from '../dal/users';
import { newUserSchema } from '../users/schema';

export const DEMO_ADMIN_EMAIL = 'admin@stacklens.local';

export type FirstAdminOutcome =
  | { kind: 'exists' }
  | { kind: 'created-from-env'; email: string }
  | { kind: 'created-demo'; email: string; password: string; file: string }
  | { kind: 'demo'; email: string; file: string }
  | { kind: 'none' };

/**
 * docs/data-contract.md §8: on a database without an enabled admin, the first admin comes from STACKLENS_ADMIN_EMAIL and
 * STACKLENS_ADMIN_PASSWORD; in demo mode a demo admin gets a random password, printed once and kept in a
 * mode-0600 file in the data folder.
 */
export async function ensureFirstAdmin(): Promise<FirstAdminOutcome> {
  const ctx: Ctx = { actor: SYSTEM_ACTOR };
  const e = env();
  const demoFile = path.join(path.resolve(e.STACKLENS_DATA_DIR), 'demo-admin.txt');
  if ((await countEnabledAdmins(ctx)) > 0) {
    return e.STACKLENS_DEMO && fs.existsSync(demoFile)
      ? { kind: 'demo', email: DEMO_ADMIN_EMAIL, file: demoFile }
      : { kind: 'exists' };
  }
  if (e.STACKLENS_ADMIN_EMAIL) {
    if (!e.STACKLENS_ADMIN_PASSWORD) throw new Error('STACKLENS_ADMIN_EMAIL is set but STACKLENS_ADMIN_PASSWORD is not.');
    if (await findUserByEmail(ctx, e.STACKLENS_ADMIN_EMAIL))
      throw new Error(`${e.STACKLENS_ADMIN_EMAIL} exists but is not an enabled admin; fix it with the CLI.`);
    try {
      const admin = newUserSchema.parse({
        email: e.STACKLENS_ADMIN_EMAIL,
        name: 'Administrator',
        role: 'admin',
        password: e.STACKLENS_ADMIN_PASSWORD,
      });
      await createUser(ctx, admin);
    } catch (error) {
      // Another app server starting at the same moment may have created it first.
      if ((await countEnabledAdmins(ctx)) > 0) return { kind: 'exists' };
      throw new Error(`STACKLENS_ADMIN_PASSWORD is refused: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { kind: 'created-from-env', email: e.STACKLENS_ADMIN_EMAIL };
  }
  if (e.STACKLENS_DEMO) {
    const { initialPassword } = await createUser(ctx, { email: DEMO_ADMIN_EMAIL, name: 'Demo admin', role: 'admin' });
    fs.mkdirSync(path.dirname(demoFile), { recursive: true, mode: 0o700 });
    fs.writeFileSync(demoFile, `email: ${DEMO_ADMIN_EMAIL}\npassword: ${initialPassword}\n`, { mode: 0o600 });
    return { kind: 'created-demo', email: DEMO_ADMIN_EMAIL, password: initialPassword!, file: demoFile };
  }
  return { kind: 'none' };
}
