import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { companyInputSchema } from '@/lib/companies/schema';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, ForbiddenError, RuleError } from '@/lib/errors';
import { parseFigureBatch } from '@/lib/figures/schema';
import { createCompany } from './company-writes';
import { deleteFigure, listFigures, putFigures } from './figures';
import { listAuditEvents } from './audit';

/** The batch as the API reads it, then saved. */
const save = (actor: Actor, figures: unknown[]) => putFigures({ actor }, parseFigureBatch({ figures }));

describe.each(TEST_DRIVERS)('figures on %s', (driver) => {
  useFreshDatabase(driver);

  async function setUp() {
    const analyst = await makeUser('analyst');
    const name = `Figures Co ${Math.random().toString(36).slice(2, 7)}`;
    const company = await createCompany({ actor: analyst }, companyInputSchema.parse({ name, currency: 'EUR' }));
    const figure = (over: Record<string, unknown> = {}) => ({
      companyId: company.id,
      fiscalYear: 2024,
      fiscalQuarter: null,
      metric: 'revenue',
      kind: 'reported',
      value: '60922.000000',
      currency: 'EUR',
      source: 'https://example.com/10-K',
      ...over,
    });
    return { analyst, company, name, figure };
  }

  it('creates figures, reads them back exactly, and saving the same again changes nothing', async () => {
    const { analyst, company, figure } = await setUp();
    const first = await save(analyst, [
      figure(),
      figure({ fiscalQuarter: 1, value: 15000.5 }),
      figure({ metric: 'operating_income', value: '-12.345678' }),
    ]);
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const items = await listFigures({ actor: analyst }, { company: company.id });
    expect(items.map((f) => [f.metric, f.fiscalQuarter, f.value, f.version])).toEqual([
      ['revenue', null, '60922', 1],
      ['revenue', 1, '15000.5', 1],
      ['operating_income', null, '-12.345678', 1],
    ]);
    expect(first.figures).toEqual([items[0], items[1], items[2]]);
    const again = await save(analyst, [figure({ value: '60922', version: 1 })]);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, figures: [items[0]] });
  });

  it('answers each figure of a mixed batch as stored, in the order sent', async () => {
    const { analyst, company, figure } = await setUp();
    await save(analyst, [figure(), figure({ kind: 'estimate', value: '1' })]);
    const result = await save(analyst, [
      figure({ fiscalQuarter: 2, value: '7' }),
      figure({ kind: 'estimate', value: '2', version: 1 }),
      figure({ value: '60922', version: 1 }),
    ]);
    expect(result).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    const stored = await listFigures({ actor: analyst }, { company: company.id });
    const byKind = (kind: string, quarter: number | null) => stored.find((f) => f.kind === kind && f.fiscalQuarter === quarter);
    expect(result.figures).toEqual([byKind('reported', 2), byKind('estimate', null), byKind('reported', null)]);
    expect(byKind('estimate', null)).toMatchObject({ value: '2', version: 2 });
  });

  it('refuses a batch that repeats a figure, naming the first occurrence', async () => {
    const { analyst, company, figure } = await setUp();
    const error = (await save(analyst, [figure(), figure({ kind: 'estimate' }), figure({ value: '2' })]).catch(
      (e: unknown) => e,
    )) as RuleError;
    expect(error).toBeInstanceOf(RuleError);
    expect(error.message).toBe('The batch repeats a figure; nothing was saved.');
    expect(error.issues).toEqual([{ path: ['figures', 2], message: 'the same figure as figures[0]' }]);
    expect(await listFigures({ actor: analyst }, { company: company.id })).toEqual([]);
  });

  it('keeps one currency per company, fiscal year and metric', async () => {
    const { analyst, name, figure } = await setUp();
    await save(analyst, [figure()]);
    const stored = (await save(analyst, [figure({ kind: 'estimate', currency: 'USD' })]).catch((e: unknown) => e)) as RuleError;
    expect(stored).toBeInstanceOf(RuleError);
    expect(stored.message).toBe('Some figures are not valid; nothing was saved.');
    expect(stored.issues).toEqual([
      {
        path: ['figures', 0, 'currency'],
        message: `revenue for FY2024 of ${name} is in EUR (a stored figure); one currency per company, year and metric.`,
      },
    ]);
    const inBatch = (await save(analyst, [
      figure({ fiscalYear: 2025 }),
      figure({ fiscalYear: 2025, kind: 'estimate', currency: 'USD' }),
    ]).catch((e: unknown) => e)) as RuleError;
    expect(inBatch.issues.map((i) => i.message)).toEqual([
      `revenue for FY2025 of ${name} is in EUR (figures[0]); one currency per company, year and metric.`,
    ]);
  });

  it('names an unknown company before the other problems of the same figure', async () => {
    const { analyst, figure } = await setUp();
    const nobody = '00000000-0000-4000-8000-000000000000';
    const error = (await save(analyst, [
      figure({ companyId: nobody }),
      figure({ companyId: nobody, kind: 'estimate', currency: 'USD' }),
    ]).catch((e: unknown) => e)) as RuleError;
    expect(error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['figures.0.companyId', 'No such company.'],
      ['figures.1.companyId', 'No such company.'],
      [
        'figures.1.currency',
        'revenue for FY2024 of this company is in EUR (figures[0]); one currency per company, year and metric.',
      ],
    ]);
  });

  it('an update needs the version it read: a stale one is a conflict carrying the stored figure', async () => {
    const { analyst, company, figure } = await setUp();
    await save(analyst, [figure()]);
    await expect(save(analyst, [figure({ value: '1' })])).rejects.toBeInstanceOf(ConflictError);
    await save(analyst, [figure({ value: '61000', version: 1 })]);
    const stale = (await save(analyst, [figure({ value: '62000', version: 1 })]).catch((e: unknown) => e)) as ConflictError;
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ value: '61000', version: 2 });
    expect((await listFigures({ actor: analyst }, { company: company.id }))[0]!.value).toBe('61000');
    const gone = (await save(analyst, [figure({ kind: 'estimate', version: 3 })]).catch((e: unknown) => e)) as ConflictError;
    expect(gone).toBeInstanceOf(ConflictError);
    expect(gone.message).toMatch(/deleted since you read it/);
    expect(gone.current).toBeNull();
  });

  it('deletes with the right version, recorded with the whole figure for restoring', async () => {
    const { analyst, figure } = await setUp();
    const {
      figures: [saved],
    } = await save(analyst, [figure()]);
    await expect(deleteFigure({ actor: analyst }, { id: saved!.id, version: 2 })).rejects.toBeInstanceOf(ConflictError);
    const unversioned = (await deleteFigure({ actor: analyst }, { id: saved!.id }).catch((e: unknown) => e)) as ConflictError;
    expect(unversioned).toBeInstanceOf(ConflictError);
    expect(unversioned.current).toMatchObject({ id: saved!.id, version: 1 });
    await deleteFigure({ actor: analyst }, { id: saved!.id, version: 1 });
    const { items } = await listAuditEvents({ actor: await makeUser('admin') }, { entity: 'figure', page: 1 });
    expect(items.find((e) => e.action === 'figure.delete' && e.entityId === saved!.id)?.before).toMatchObject({
      value: '60922',
      source: 'https://example.com/10-K',
    });
  });

  it('audits each write with the figure before and after', async () => {
    const { analyst, figure } = await setUp();
    const [created] = (await save(analyst, [figure()])).figures;
    await save(analyst, [figure({ value: '1.5', version: 1 })]);
    const { items } = await listAuditEvents(
      { actor: await makeUser('admin') },
      { entity: 'figure', actor: analyst.label, page: 1 },
    );
    expect(items.map((e) => [e.action, e.entityId, e.actor])).toEqual([
      ['figure.update', created!.id, analyst.label],
      ['figure.create', created!.id, analyst.label],
    ]);
    expect(items[1]).toMatchObject({ before: null, after: { ...created, value: '60922' } });
    expect(items[0]!.before).toMatchObject({ value: '60922', version: 1 });
    expect(items[0]!.before).not.toHaveProperty('updatedAt');
    expect(items[0]!.after).toMatchObject({ value: '1.5', version: 2 });
  });

  it('is read by viewers and written by analysts only', async () => {
    const { company, figure } = await setUp();
    const viewer = await makeUser('viewer');
    await expect(save(viewer, [figure()])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listFigures({ actor: viewer }, { company: company.id })).resolves.toEqual([]);
    await expect(listFigures({ actor: viewer }, {})).rejects.toThrow('Give a company or a year.');
  });
});
