// @ts-check
// The environment, parsed once by zod. next.config.js imports this file, so a bad value stops
// `next start` (and the CLI) at once with a message naming the variable.
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes' || v === 'on');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Set: PostgreSQL through node-postgres. Unset: embedded PGlite under STACKLENS_DATA_DIR. */
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  STACKLENS_DATA_DIR: optionalString.transform((v) => v ?? './.stacklens/data'),
  NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  NEXTAUTH_URL: optionalString.pipe(z.url('must be a URL such as https://stacklens.example.com').optional()),
  STACKLENS_ADMIN_EMAIL: optionalString.pipe(z.email('must be an email address').optional()),
  STACKLENS_ADMIN_PASSWORD: optionalString,
  STACKLENS_DEMO: flag,
  /** Minutes without a request after which a session ends (the absolute lifetime is 12 h). */
  STACKLENS_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(720).default(120),
  /**
   * How many analytics answers one server keeps for the current data version (docs/architecture.md, "The data
   * version and the analytics cache"); 0, off, no or false: none, so every answer is computed (the bench's cold
   * numbers).
   */
  STACKLENS_ANALYTICS_CACHE: z.preprocess(
    (v) => (typeof v === 'string' ? (/^(off|no|false)$/i.test(v.trim()) ? '0' : v.trim() || undefined) : v),
    z.coerce
      .number('must be a number of answers, or 0 or off for no cache')
      .int('must be a whole number of answers')
      .min(0, 'must be 0 (no cache) or more')
      .max(100_000, 'must be at most 100000')
      .default(256),
  ),
  TRUST_PROXY: flag,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

/** @typedef {z.infer<typeof envSchema>} Env */

/**
 * @param {Record<string, string | undefined>} source
 * @returns {Env}
 */
export function parseEnv(source) {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** @type {Env | undefined} */
let cached;

/** The process environment, parsed on first use. */
export function env() {
  cached ??= parseEnv(process.env);
  return cached;
}
