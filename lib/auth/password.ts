import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { passwordProblem } from '../domain/password-policy';
import { RuleError } from '../errors';

/** argon2id with OWASP's minimum: 19 MiB, 2 passes, 1 lane. */
const ARGON2 = {
  algorithm: 2 /* Argon2id; the enum is a const enum that isolatedModules cannot read */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this keeps an unknown email as slow as a known one. */
let dummyHash: Promise<string> | undefined;
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('stacklens-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}

/** Throws a RuleError on the `password` field when the password breaks the policy. */
export function assertPasswordAllowed(password: string, email?: string, field = 'password'): void {
  const problem = passwordProblem(password, commonPasswords(), email);
  if (problem) throw new RuleError(problem, [{ path: [field], message: problem }]);
}
