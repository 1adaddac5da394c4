import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '../env/index.js';

let secret: string | undefined;

/**
 * NEXTAUTH_SECRET from the environment, or one generated on first start and kept in the data folder with
 * mode 0600 (docs/data-contract.md §8). Several app servers behind one PostgreSQL must share NEXTAUTH_SECRET.
 */
export function authSecret(): string {
  if (secret) return secret;
  const e = env();
  if (e.NEXTAUTH_SECRET) return (secret = e.NEXTAUTH_SECRET);
  const dir = path.resolve(e.STACKLENS_DATA_DIR);
  const file = path.join(dir, 'nextauth-secret');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds too short a secret; delete it to generate a new one.`);
  return secret;
}
