import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/** The import boundaries of eslint.config.js, exercised on small fixtures as if they were files of the project. */
describe('the import boundaries', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: process.cwd() });
  });

  async function restricted(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(`${code}\nexport const used = 1;\n`, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  it('refuse a component that imports the data layer or the database', async () => {
    expect(await restricted('components/companies/bad.tsx', "import type { X } from '@/lib/dal/companies';")).toEqual([
      expect.stringContaining('Components never reach the database'),
    ]);
    expect(await restricted('components/companies/bad.tsx', "import { getDb } from '../../db/client';")).toHaveLength(1);
  });

  it('refuse the pure rule book importing the data layer or UI code', async () => {
    expect(await restricted('lib/domain/bad.ts', "import { x } from '../dal/figures';")).toHaveLength(1);
    expect(await restricted('lib/domain/bad.ts', "import { useState } from 'react';")).toHaveLength(1);
  });

  it('keep schema modules importable by client code, and the data layer off client query factories', async () => {
    expect(await restricted('lib/figures/schema.ts', "import 'server-only';")).toHaveLength(1);
    expect(await restricted('lib/dal/bad.ts', "import { x } from '../queries/analytics';")).toHaveLength(1);
  });

  it('let each layer import what it may', async () => {
    expect(await restricted('components/companies/good.tsx', "import type { X } from '@/lib/analytics/schema';")).toEqual([]);
    expect(await restricted('lib/dal/good.ts', "import { LAYERS } from '../domain/layers';")).toEqual([]);
  });
});
