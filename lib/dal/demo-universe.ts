import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents, companies } from '@/db/schema';
import type { Database } from '@/db/types';
import { DomainError } from '../errors';
import type { ImportSummary } from '../imports/schema';
import { recordAudit } from './audit';
import { importCompaniesCsv } from './company-csv';
import { importExposuresCsv } from './exposure-csv';
import { dbOf, type Ctx } from './context';
import { importFiguresCsv } from './figure-csv';
import { importFlowsCsv } from './flow-csv';
import { importFxCsv } from './fx';
import { assertRole } from './guard';

/** The project's copy of the sourced demo universe (see its README); read at run time from the app's own folder. */
export const DEMO_SEED_DIR = path.join(process.cwd(), 'db', 'seed', 'ai-stack');

const MARKER = 'demo.load';

export interface DemoLoad {
  companies: ImportSummary;
  /** The exposure profiles other than the base (exposures.csv). */
  exposures: ImportSummary;
  fx: ImportSummary;
  figures: ImportSummary;
  flows: ImportSummary;
}

async function companyCount(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(companies);
  return row?.n ?? 0;
}

/**
 * Loads the demo universe through the same importers as the UI, API and CLI, so the demo also proves them:
 * companies, then their exposure profiles, FX rates, figures and flows, each all or nothing. A database that already holds companies is left
 * alone unless `force` (the rows then upsert by their natural keys). The load is recorded in the audit log, which
 * is also the marker that keeps a demo start from loading it twice.
 */
export async function loadDemoUniverse(ctx: Ctx, { force = false }: { force?: boolean } = {}): Promise<DemoLoad> {
  assertRole(ctx.actor, 'admin');
  const db = await dbOf(ctx);
  const existing = await companyCount(db);
  if (existing > 0 && !force)
    throw new DomainError(
      `The database already holds ${existing} ${existing === 1 ? 'company' : 'companies'}; the demo universe loads into an empty one. Use --force to import it anyway (rows upsert by name).`,
    );
  const file = (name: string) => readFile(path.join(DEMO_SEED_DIR, name), 'utf8');
  const load: DemoLoad = {
    companies: await importCompaniesCsv(ctx, { text: await file('companies.csv'), dryRun: false }),
    exposures: await importExposuresCsv(ctx, { text: await file('exposures.csv'), dryRun: false }),
    fx: await importFxCsv(ctx, { text: await file('fx.csv'), dryRun: false }),
    figures: await importFiguresCsv(ctx, { text: await file('figures.csv'), dryRun: false }),
    flows: await importFlowsCsv(ctx, { text: await file('flows.csv'), dryRun: false }),
  };
  await recordAudit(db, ctx.actor, {
    action: MARKER,
    entityType: 'system',
    after: {
      companies: load.companies.created,
      exposures: load.exposures.created,
      fx: load.fx.created,
      figures: load.figures.created,
      flows: load.flows.created,
    },
  });
  return load;
}

/**
 * The demo start (docs/data-contract.md §8): loads the universe once, into an empty database. Returns null when it was loaded
 * before (even if its companies were deleted since) or when the database already holds someone's companies.
 */
export async function loadDemoUniverseOnce(ctx: Ctx): Promise<DemoLoad | null> {
  assertRole(ctx.actor, 'admin');
  const db = await dbOf(ctx);
  const [marker] = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, MARKER), eq(auditEvents.entityType, 'system')))
    .limit(1);
  if (marker || (await companyCount(db)) > 0) return null;
  return loadDemoUniverse(ctx);
}
