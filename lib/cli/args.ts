import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A wrong command line: the CLI prints the usage and exits 2 (docs/data-contract.md §8). */
export class UsageError extends Error {}

export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...options, as: { type: 'string' } }, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function required(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`${flag} is required.`);
  return value;
}
