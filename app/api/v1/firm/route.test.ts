import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/domain/actor';
import { makeUser } from '@/lib/testing/actors';
import { useFreshDatabase } from '@/lib/testing/database';
import { makeJpeg, makePng, SVG_LOGO } from '@/lib/testing/images';
import { routeParams, routeRequest } from '@/lib/testing/route-request';
import { DELETE, GET as getLogo, POST } from './logo/route';
import { GET, PUT } from './route';

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ verifySession: async () => session.actor, requestAddress: async () => '127.0.0.1' }));

const noParams = routeParams({});
const put = (body: unknown) => PUT(routeRequest('PUT', '/api/v1/firm', body), noParams);
const firm = async () => (await (await GET(routeRequest('GET', '/api/v1/firm'), noParams)).json()) as { name: string | null };
const post = (bytes: Uint8Array, type: string, headers: Record<string, string> = {}) =>
  POST(
    new NextRequest('http://localhost/api/v1/firm/logo', {
      method: 'POST',
      body: new Uint8Array(bytes),
      headers: { 'Content-Type': type, ...headers },
    }),
    noParams,
  );
const get = (query = '', headers: Record<string, string> = {}) =>
  getLogo(new NextRequest(`http://localhost/api/v1/firm/logo${query}`, { headers }), noParams);
const remove = () => DELETE(routeRequest('DELETE', '/api/v1/firm/logo'), noParams);
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('/api/v1/firm and /api/v1/firm/logo', () => {
  useFreshDatabase('pglite');
  let admin: Actor;
  let analyst: Actor;
  let viewer: Actor;
  beforeAll(async () => {
    [admin, analyst, viewer] = await Promise.all([makeUser('admin'), makeUser('analyst'), makeUser('viewer')]);
  });
  beforeEach(() => {
    session.actor = admin;
  });

  it('PUT sets the name, trimmed, which a viewer reads; an empty name clears it', async () => {
    const response = await put({ name: '  Northwind Capital ' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: 'Northwind Capital', updatedBy: admin.label });
    session.actor = viewer;
    expect(await firm()).toMatchObject({ name: 'Northwind Capital' });
    session.actor = admin;
    expect(await (await put({ name: '' })).json()).toMatchObject({ name: null });
  });

  it.each([
    [{ name: 'x'.repeat(121) }, 'at most 120 characters'],
    [{ name: 42 }, 'Give the firm name as text.'],
    [{}, 'Give the firm name as text.'],
  ])('refuses %j with a 422 naming the field name, and changes nothing', async (body, reason) => {
    await put({ name: 'Kept Name' });
    const response = await put(body);
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { issues: { path: string[]; message: string }[] } };
    expect(error.issues).toEqual([{ path: ['name'], message: expect.stringContaining(reason) }]);
    expect((await firm()).name).toBe('Kept Name');
  });

  it('refuses an analyst and a viewer (403), and a body that is not JSON (400)', async () => {
    await put({ name: 'Kept Name' });
    for (const actor of [analyst, viewer]) {
      session.actor = actor;
      expect((await put({ name: 'Taken over' })).status).toBe(403);
    }
    session.actor = admin;
    expect((await put('{name:')).status).toBe(400);
    expect((await firm()).name).toBe('Kept Name');
  });

  it('POST /logo stores an uploaded PNG and serves it back with its type, an ETag and a 304 when unchanged', async () => {
    const png = makePng(64, 32);
    const response = await post(png, 'image/png');
    expect(response.status).toBe(200);
    const { logo } = (await response.json()) as {
      logo: { mime: string; width: number; height: number; size: number; url: string; sha256: string };
    };
    expect(logo).toMatchObject({ mime: 'image/png', width: 64, height: 32, size: png.byteLength });

    session.actor = viewer;
    const served = await get();
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('etag')).toBe(`"${logo.sha256}"`);
    expect(served.headers.get('cache-control')).toBe('private, no-cache');
    expect((await bytesOf(served)).equals(Buffer.from(png))).toBe(true);

    const versioned = await get(logo.url.slice(logo.url.indexOf('?')));
    expect(versioned.headers.get('cache-control')).toContain('immutable');
    const unchanged = await get('', { 'If-None-Match': `"${logo.sha256}"` });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
  });

  it('refuses a viewer and an analyst a new logo or its removal (403), and keeps the stored one', async () => {
    const png = makePng(5, 5);
    await post(png, 'image/png');
    for (const actor of [viewer, analyst]) {
      session.actor = actor;
      expect((await post(makeJpeg(8, 8), 'image/jpeg')).status).toBe(403);
      expect((await remove()).status).toBe(403);
    }
    expect((await bytesOf(await get())).equals(Buffer.from(png))).toBe(true);
  });

  it.each([
    ['an SVG', SVG_LOGO, 'image/svg+xml', 422, 'SVG logos are not accepted'],
    ['a PNG renamed .jpg', makePng(6, 6), 'image/jpeg', 422, 'declared as JPEG but its content is PNG'],
    ['a truncated JPEG', makeJpeg(48, 48).subarray(0, 300), 'image/jpeg', 422, 'does not decode as a JPEG'],
    ['a 3,000-pixel PNG', makePng(3000, 1), 'image/png', 422, '3,000 × 1 pixels'],
    ['a 5 MB file', new Uint8Array(5 * 1024 * 1024), 'image/png', 413, 'at most 1 MB'],
    ['a form upload', makePng(6, 6), 'multipart/form-data; boundary=x', 422, 'not a form upload'],
  ])('refuses %s with a %i naming the field logo, and stores nothing', async (_, bytes, type, status, reason) => {
    const png = makePng(7, 3);
    await post(png, 'image/png');
    const response = await post(bytes, type);
    expect(response.status).toBe(status);
    const { error } = (await response.json()) as { error: { message: string; issues: { path: string[]; message: string }[] } };
    expect(error.issues).toEqual([{ path: ['logo'], message: expect.stringContaining(reason) }]);
    expect((await bytesOf(await get())).equals(Buffer.from(png))).toBe(true);
  });

  it('refuses a 5 MB body on its Content-Length before reading it', async () => {
    const response = await post(new Uint8Array(16), 'image/png', { 'Content-Length': String(5 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).toContain('"path":["logo"]');
  });

  it('removes the logo: GET is then a 404, and so is a second removal', async () => {
    await post(makeJpeg(10, 10), 'image/jpeg');
    const removed = await remove();
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ logo: null });
    expect((await get()).status).toBe(404);
    expect((await remove()).status).toBe(404);
  });
});
