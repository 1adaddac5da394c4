import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FirmView } from '../firm/schema';
import { makePng } from '../testing/images';
import { firmMarkQuery } from './firm';

const LOGO_URL = '/api/v1/firm/logo?v=0123456789abcdef';
const firm = (logo: FirmView['logo']): FirmView => ({ name: 'Northwind Capital', logo, updatedAt: null, updatedBy: null });

/** Answers GET /api/v1/firm with `view` and the logo's URL with `logo` (or a 404). */
function serve(view: FirmView, logo?: Uint8Array) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/v1/firm') return Response.json(view);
      if (url === LOGO_URL && logo) return new Response(new Uint8Array(logo), { headers: { 'Content-Type': 'image/png' } });
      return Response.json({ error: { message: 'The firm has no logo.' } }, { status: 404 });
    }),
  );
}
const markOf = () => firmMarkQuery.queryFn!({} as never) as Promise<unknown>;

describe('firmMarkQuery', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('gives the name and the logo as a data URL of the bytes served, larger than one call of fromCharCode takes', async () => {
    const bytes = makePng(400, 300);
    expect(bytes.length).toBeGreaterThan(0x8000);
    serve(firm({ mime: 'image/png', size: bytes.length, width: 400, height: 300, sha256: 'x', url: LOGO_URL }), bytes);
    expect(await markOf()).toEqual({
      name: 'Northwind Capital',
      logo: {
        dataUrl: `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`,
        mime: 'image/png',
        width: 400,
        height: 300,
      },
    });
  });

  it('gives no logo when none is set, and fails when the logo cannot be read', async () => {
    serve(firm(null));
    expect(await markOf()).toEqual({ name: 'Northwind Capital', logo: null });
    serve(firm({ mime: 'image/png', size: 1, width: 1, height: 1, sha256: 'x', url: LOGO_URL }));
    await expect(markOf()).rejects.toThrow('the server answered 404');
  });
});
