import { NextResponse } from 'next/server';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

export const dynamic = 'force-dynamic';

/** GET /api/health: 200 `{ db: "ok" }`, or 503 when the database cannot answer. Needs no credentials. */
export async function GET() {
  try {
    const db = await getDb();
    await Promise.race([
      db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 3 s')), 3000).unref()),
    ]);
    return NextResponse.json({ db: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    console.error('Health check: database unavailable:', error instanceof Error ? error.message : error);
    return NextResponse.json({ db: 'unavailable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
