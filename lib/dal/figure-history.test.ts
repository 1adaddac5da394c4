import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { companyInputSchema } from '@/lib/companies/schema';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '@/lib/errors';
import { parseFigureBatch } from '@/lib/figures/schema';
import { createCompany } from './company-writes';
import { importFiguresCsv } from './figure-csv';
import { companyFigureHistory, restoreFigure } from './figure-history';
import { deleteFigure, listFigures, putFigures } from './figures';

const save = (actor: Actor, figures: unknown[]) => putFigures({ actor }, parseFigureBatch({ figures }));
const historyOf = (actor: Actor, companyId: string) => companyFigureHistory({ actor }, { companyId });
const restore = (actor: Actor, eventId: number) => restoreFigure({ actor }, { eventId });
const remove = (actor: Actor, id: string, version: number) => deleteFigure({ actor }, { id, version });

describe.each(TEST_DRIVERS)('figure history on %s', (driver) => {
  useFreshDatabase(driver);

  async function setUp() {
    const analyst = await makeUser('analyst');
    const name = `History Co ${Math.random().toString(36).slice(2, 7)}`;
    const company = await createCompany({ actor: analyst }, companyInputSchema.parse({ name, currency: 'EUR' }));
    const figure = (over: Record<string, unknown> = {}) => ({
      companyId: company.id,
      fiscalYear: 2024,
      fiscalQuarter: null,
      metric: 'revenue',
      kind: 'reported',
      value: '100',
      currency: 'EUR',
      source: 'Annual report 2024, p. 12',
      ...over,
    });
    return { analyst, company, name, figure };
  }

  it('keeps every change of a company’s figures, from the grid and from imports, newest first', async () => {
    const { analyst, company, name, figure } = await setUp();
    const other = await createCompany({ actor: analyst }, companyInputSchema.parse({ name: `Other ${name}` }));
    await save(analyst, [figure(), { ...figure(), companyId: other.id, currency: 'USD' }]);
    await save(analyst, [figure({ value: '120.5', version: 1, source: 'Restated in the 2025 report' })]);
    await importFiguresCsv(
      { actor: analyst },
      { text: `company,fiscal_year,fiscal_quarter,metric,kind,value_millions\n${name},2023,,capex,,7\n`, dryRun: false },
    );

    const history = await historyOf(await makeUser('viewer'), company.id);
    expect(history.map((h) => h.action)).toEqual(['figure.import_create', 'figure.update', 'figure.create']);
    expect(history[1]).toMatchObject({
      actor: analyst.label,
      before: { value: '100', source: 'Annual report 2024, p. 12' },
      after: { value: '120.5', source: 'Restated in the 2025 report', version: 2 },
    });
    expect(history[0]!.after).toMatchObject({ metric: 'capex', fiscalYear: 2023, value: '7', currency: 'EUR' });
  });

  it('restores a deleted figure with its value, source and id, once, and records the restore', async () => {
    const { analyst, company, figure } = await setUp();
    const [saved] = (await save(analyst, [figure({ note: 'incl. licensing' })])).figures;
    await remove(analyst, saved!.id, 1);
    const deletion = (await historyOf(analyst, company.id))[0]!;
    expect(deletion).toMatchObject({ action: 'figure.delete', restorable: true, figureId: saved!.id });

    const restored = await restore(analyst, deletion.id);
    expect(restored).toMatchObject({
      id: saved!.id,
      value: '100',
      source: 'Annual report 2024, p. 12',
      note: 'incl. licensing',
      version: 2,
    });
    expect(await listFigures({ actor: analyst }, { company: company.id })).toEqual([restored]);
    const history = await historyOf(analyst, company.id);
    expect(history.map((h) => [h.action, h.restorable])).toEqual([
      ['figure.restore', false],
      ['figure.delete', false],
      ['figure.create', false],
    ]);
    await expect(restore(analyst, deletion.id)).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses a restore when the key was filled again or the currency moved on, and changes nothing', async () => {
    const { analyst, company, figure } = await setUp();
    const [a, b] = (await save(analyst, [figure(), figure({ kind: 'estimate' })])).figures;
    await remove(analyst, a!.id, 1);
    await save(analyst, [figure({ value: '130' })]);
    const deletionOfA = (await historyOf(analyst, company.id)).find((h) => h.action === 'figure.delete')!;
    expect(deletionOfA.restorable).toBe(false);
    await expect(restore(analyst, deletionOfA.id)).rejects.toThrow('exists again; edit it instead of restoring');

    // Delete both, re-enter the year in USD: the EUR estimate can no longer come back.
    const live = await listFigures({ actor: analyst }, { company: company.id });
    for (const f of live) await remove(analyst, f.id, f.version);
    await save(analyst, [figure({ currency: 'USD' })]);
    const deletionOfB = (await historyOf(analyst, company.id)).find((h) => h.action === 'figure.delete' && h.figureId === b!.id)!;
    await expect(restore(analyst, deletionOfB.id)).rejects.toBeInstanceOf(RuleError);
    expect((await listFigures({ actor: analyst }, { company: company.id })).map((f) => [f.kind, f.currency])).toEqual([
      ['reported', 'USD'],
    ]);
  });

  it('restores only deletions, and only for analysts', async () => {
    const { analyst, company, figure } = await setUp();
    const [saved] = (await save(analyst, [figure()])).figures;
    const [created] = await historyOf(analyst, company.id);
    await expect(restore(analyst, created!.id)).rejects.toBeInstanceOf(NotFoundError);
    await remove(analyst, saved!.id, 1);
    const [deletion] = await historyOf(analyst, company.id);
    await expect(restore(await makeUser('viewer'), deletion!.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
