import 'server-only';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { isUuid } from '../domain/ids';
import { NotFoundError } from '../errors';
import { PayloadTooLargeError, readBodyBytes } from './body';

/** The query string as a plain object (first value of a repeated key), for zod. */
export function searchParamsObject(req: NextRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of req.nextUrl.searchParams) if (!(key in out)) out[key] = value;
  return out;
}

/** The query string parsed by a schema, once, at the edge: a bad parameter throws the ZodError the wrapper maps to 422. */
export function parseSearch<S extends z.ZodType>(req: NextRequest, schema: S): z.output<S> {
  return schema.parse(searchParamsObject(req));
}

/** `?dryRun=1` / `true`. */
export function isFlagSet(req: NextRequest, name: string): boolean {
  const value = req.nextUrl.searchParams.get(name);
  return value === '1' || value === 'true' || value === 'yes';
}

/** The largest JSON body the API reads (docs/data-contract.md §7); CSV uploads have their own limit. */
export const MAX_JSON_BYTES = 5 * 1024 * 1024;

const bodyTooLarge = () =>
  new PayloadTooLargeError('The request body is larger than 5 MB, the most the API reads. Send the figures in smaller batches.');

/**
 * The JSON body, at most MAX_JSON_BYTES (413 beyond, without reading the rest); a body that is not JSON becomes
 * a SyntaxError, which the wrapper answers with 400.
 */
export async function jsonBody(req: NextRequest): Promise<unknown> {
  const text = new TextDecoder().decode(await readBodyBytes(req, MAX_JSON_BYTES, bodyTooLarge));
  if (text.trim() === '') throw new SyntaxError('empty body');
  return JSON.parse(text);
}

/**
 * The `{id}` of a route, checked at the edge (docs/data-contract.md §7): anything but a UUID names nothing, so it
 * is a 404 before it reaches SQL.
 */
export function idParam(id: string, notFound: string): string {
  if (!isUuid(id)) throw new NotFoundError(notFound);
  return id;
}
