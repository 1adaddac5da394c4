import 'server-only';
import type { NextRequest } from 'next/server';
import { DomainError, type FieldIssue } from '../errors';

/** A body over the route's limit; `issues` name the field it was for, when the body is one (a logo). */
export class PayloadTooLargeError extends DomainError {
  override readonly status = 413;
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

/**
 * The request body's bytes, at most `maxBytes`: refused on Content-Length before reading, and again while
 * reading, since a chunked body has none; the rest of an oversized body is never read.
 */
export async function readBodyBytes(req: NextRequest, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (Number(req.headers.get('content-length')) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(read.value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
