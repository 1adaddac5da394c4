import { afterAll, describe, expect, it } from 'vitest';
import { setProcessDatabase } from '@/db/client';
import { openDatabase } from '@/db/open';
import { GET } from './route';

describe('GET /api/health', () => {
  afterAll(() => setProcessDatabase(undefined));

  it('answers 200 { db: "ok" } when the database answers', async () => {
    setProcessDatabase(await openDatabase({ driver: 'pglite' }));
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ db: 'ok' });
  });

  it('answers 503 when the database cannot', async () => {
    const closed = await openDatabase({ driver: 'pglite' });
    await closed.close();
    setProcessDatabase(closed);
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ db: 'unavailable' });
  });
});
