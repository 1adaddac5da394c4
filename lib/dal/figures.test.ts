import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { ConflictError, ForbiddenError, RuleError } from '@/lib/errors';
import { createCompany } from './company-writes';
import { deleteFigure, listFigures, putFigures } from './figures';
import { listAuditEvents } from './audit';

describe.each(TEST_DRIVERS)('figures on %s', (driver) => {
  useFreshDatabase(driver);

  async function setUp() {
    const analyst = await makeUser('analyst');
    const company = await createCompany(analyst, {
      name: `Figures Co ${Math.random().toString(36).slice(2, 7)}`,
      currency: 'EUR',
    });
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
    return { analyst, company, figure };
  }

  it('creates figures, reads them back exactly, and saving the same again changes nothing', async () => {
    const { analyst, company, figure } = await setUp();
    const first = await putFigures(analyst, {
      figures: [
        figure(),
        figure({ fiscalQuarter: 1, value: 15000.5 }),
        figure({ metric: 'operating_income', value: '-12.345678' }),
      ],
    });
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const items = await listFigures(analyst, { company: company.id });
    expect(items.map((f) => [f.metric, f.fiscalQuarter, f.value, f.version])).toEqual([
      ['revenue', null, '60922', 1],
      ['revenue', 1, '15000.5', 1],
      ['operating_income', null, '-12.345678', 1],
    ]);
    const again = await putFigures(analyst, { figures: [figure({ value: '60922', version: 1 })] });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it('refuses the whole batch when one figure is invalid, naming each problem by position', async () => {
    const { analyst, company, figure } = await setUp();
    const error = (await putFigures(analyst, {
      figures: [figure(), figure({ metric: 'capex', value: '-1' }), figure({ fiscalYear: 1989 }), figure({ value: '1.1234567' })],
    }).catch((e: unknown) => e)) as RuleError;
    expect(error).toBeInstanceOf(RuleError);
    expect(error.issues.map((i) => i.path.join('.'))).toEqual(['figures.1.value', 'figures.2.fiscalYear', 'figures.3.value']);
    expect(await listFigures(analyst, { company: company.id })).toEqual([]);
  });

  it('keeps one currency per company, fiscal year and metric', async () => {
    const { analyst, figure } = await setUp();
    await putFigures(analyst, { figures: [figure()] });
    await expect(putFigures(analyst, { figures: [figure({ kind: 'estimate', currency: 'USD' })] })).rejects.toThrow(
      /nothing was saved/,
    );
    await expect(
      putFigures(analyst, {
        figures: [figure({ fiscalYear: 2025 }), figure({ fiscalYear: 2025, kind: 'estimate', currency: 'USD' })],
      }),
    ).rejects.toBeInstanceOf(RuleError);
  });

  it('an update needs the version it read: a stale one is a conflict carrying the stored figure', async () => {
    const { analyst, company, figure } = await setUp();
    await putFigures(analyst, { figures: [figure()] });
    await expect(putFigures(analyst, { figures: [figure({ value: '1' })] })).rejects.toBeInstanceOf(ConflictError);
    await putFigures(analyst, { figures: [figure({ value: '61000', version: 1 })] });
    const stale = (await putFigures(analyst, { figures: [figure({ value: '62000', version: 1 })] }).catch(
      (e: unknown) => e,
    )) as ConflictError;
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ value: '61000', version: 2 });
    expect((await listFigures(analyst, { company: company.id }))[0]!.value).toBe('61000');
  });

  it('deletes with the right version, recorded with the whole figure for restoring', async () => {
    const { analyst, figure } = await setUp();
    const {
      figures: [saved],
    } = await putFigures(analyst, { figures: [figure()] });
    await expect(deleteFigure(analyst, saved!.id, 2)).rejects.toBeInstanceOf(ConflictError);
    await deleteFigure(analyst, saved!.id, 1);
    const { items } = await listAuditEvents(await makeUser('admin'), { entity: 'figure', page: 1 });
    expect(items.find((e) => e.action === 'figure.delete' && e.entityId === saved!.id)?.before).toMatchObject({
      value: '60922',
      source: 'https://example.com/10-K',
    });
  });

  it('is read by viewers and written by analysts only', async () => {
    const { company, figure } = await setUp();
    const viewer = await makeUser('viewer');
    await expect(putFigures(viewer, { figures: [figure()] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listFigures(viewer, { company: company.id })).resolves.toEqual([]);
    await expect(listFigures(viewer, {})).rejects.toThrow('Give a company or a year.');
  });
});
