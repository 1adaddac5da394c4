import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { errorResponse } from './errors';
import { jsonBody, MAX_JSON_BYTES } from './query';

/** A body that counts how many bytes were pulled from it, so a test can tell it was not read whole. */
function countingBody(total: number, chunk = 64 * 1024) {
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      const part = new Uint8Array(Math.min(chunk, total - pulled.bytes)).fill(0x20);
      pulled.bytes += part.byteLength;
      controller.enqueue(part);
    },
  });
  return { stream, pulled };
}

const put = (body: BodyInit, headers: Record<string, string> = {}) =>
  new NextRequest('http://localhost/api/v1/figures', {
    method: 'PUT',
    body,
    headers: { 'Content-Type': 'application/json', ...headers },
    duplex: 'half',
  });

async function statusOf(promise: Promise<unknown>) {
  const response = errorResponse(await promise.then(() => new Error('the body was accepted')).catch((e: unknown) => e));
  return { status: response.status, body: await response.json() };
}

describe('jsonBody: the size limit of JSON bodies (docs/data-contract.md §7)', () => {
  it('reads a body under the limit', async () => {
    expect(await jsonBody(put(JSON.stringify({ figures: [1, 2] })))).toEqual({ figures: [1, 2] });
  });

  it('answers 413 from Content-Length alone, without reading the body', async () => {
    const { stream, pulled } = countingBody(MAX_JSON_BYTES * 4);
    const answer = await statusOf(jsonBody(put(stream, { 'Content-Length': String(MAX_JSON_BYTES * 4) })));
    expect(answer).toEqual({ status: 413, body: { error: { message: expect.stringMatching(/5 MB/) } } });
    expect(pulled.bytes).toBeLessThan(MAX_JSON_BYTES);
  });

  it('answers 413 for a chunked body once it passes the limit, and stops reading it', async () => {
    const { stream, pulled } = countingBody(MAX_JSON_BYTES * 3);
    const answer = await statusOf(jsonBody(put(stream)));
    expect(answer.status).toBe(413);
    expect(pulled.bytes).toBeLessThan(MAX_JSON_BYTES * 2);
  });
});
