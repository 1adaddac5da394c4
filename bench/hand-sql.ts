/**
 * The hand-written SQL of bench/hand-sql/*.sql: each file one statement over the base tables, with `:name`
 * placeholders filled in with literals (numbers and layer keys only, so no quoting question arises).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/types';
import { LAYER_KEYS, type LayerKey } from '../lib/domain/layers';
import { selectRows } from '../lib/dal/sql-helpers';

export type HandQuery = 'layers' | 'series' | 'profitability' | 'gap' | 'layer' | 'dashboard';
type Param = number | LayerKey;

const texts = new Map<HandQuery, string>();
const textOf = (name: HandQuery) => {
  if (!texts.has(name)) texts.set(name, readFileSync(path.join(import.meta.dirname, 'hand-sql', `${name}.sql`), 'utf8'));
  return texts.get(name)!;
};

/** The statement of `name` with its placeholders filled in; a placeholder without a value is an error. */
export function handSqlText(name: HandQuery, params: Record<string, Param>): string {
  return textOf(name).replace(/(?<!:):([a-z]\w*)/g, (_, key: string) => {
    const value = params[key];
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string' && (LAYER_KEYS as readonly string[]).includes(value)) return `'${value}'`;
    throw new Error(`${name}.sql: no value for :${key}`);
  });
}

export function runHandSql<T>(db: Database, name: HandQuery, params: Record<string, Param>): Promise<T[]> {
  return selectRows<T>(db, sql.raw(handSqlText(name, params)));
}
