import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

/**
 * The layering of the code (docs/architecture.md), kept by the linter rather than by habit. Each zone names the
 * modules its files may not import; `lib/boundaries.test.ts` shows a bad import failing.
 */
const DATA_LAYER = ['@/db', '@/db/**', '**/db/**', '@/lib/dal', '@/lib/dal/**', '**/dal', '**/dal/**'];
const UI = ['@/components/**', '**/components/**', '@/app/**', 'react', 'react-dom', 'next/*', '@tanstack/*'];

/** @param {string[]} patterns @param {string} message */
const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

const boundaries = [
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: forbid(DATA_LAYER, 'Components never reach the database: take view types from lib/<resource>/schema.ts.'),
  },
  {
    files: ['lib/domain/**/*.ts'],
    rules: forbid(
      [...DATA_LAYER, ...UI, '@/lib/queries/**', '**/queries/**'],
      'lib/domain is the pure rule book: it imports neither the data layer nor UI code.',
    ),
  },
  {
    files: ['lib/*/schema.ts'],
    rules: forbid(
      [...DATA_LAYER, 'server-only', 'next/*', '@/lib/auth/**', '@/lib/api/**'],
      'A schema module is imported by client code: zod, types and pure rules only.',
    ),
  },
  {
    files: ['lib/dal/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: forbid(
      ['@/components/**', '**/components/**', '@/app/**', '@/lib/queries/**', '**/queries/**', 'react', 'react-dom'],
      'The data layer serves every edge; it never imports UI code or client query factories.',
    ),
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...boundaries,
  { ignores: ['.next/**', 'node_modules/**', '.stacklens/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
];

export default config;
