import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import type { Actor } from '@/lib/domain/actor';
import { companyInputSchema, companyPatchSchema } from '@/lib/companies/schema';
import { figureCoverageQueryFromSearch, figureCoverageQuerySchema } from '@/lib/domain/figure-coverage-query';
import { UnauthenticatedError } from '@/lib/errors';
import type { CoverageRow } from '@/lib/figures/coverage-schema';
import { parseFigureBatch } from '@/lib/figures/schema';
import { setFxRateSchema } from '@/lib/fx/schema';
import { createCompany, updateCompany } from './company-writes';
import { defaultCoverageYear, figureCoverage } from './figure-coverage';
import { listFigures, putFigures } from './figures';
import { setFxRate } from './fx';

const makeCompany = (actor: Actor, fields: Record<string, unknown>) => createCompany({ actor }, companyInputSchema.parse(fields));
const archive = (actor: Actor, company: { id: string; version: number }) =>
  updateCompany({ actor }, { id: company.id, patch: companyPatchSchema.parse({ version: company.version, archived: true }) });
const setRate = (actor: Actor, fields: Record<string, unknown>) => setFxRate({ actor }, setFxRateSchema.parse(fields));
const coverageFor = (actor: Actor, query: Record<string, unknown>) =>
  figureCoverage({ actor }, figureCoverageQuerySchema.parse(query));

describe.each(TEST_DRIVERS)('figure coverage on %s', (driver) => {
  useFreshDatabase(driver);

  /** Companies on a list of their own, so each test sees only what it made in the shared database. */
  async function setUp() {
    const analyst = await makeUser('analyst');
    const tag = Math.random().toString(36).slice(2, 7);
    const list = `Coverage ${tag}`;
    const company = (name: string, over: Record<string, unknown> = {}) =>
      makeCompany(analyst, { name: `${name} ${tag}`, lists: [list], ...over });
    const put = (by: Actor, companyId: string, figures: Record<string, unknown>[]) =>
      putFigures(
        { actor: by },
        parseFigureBatch({
          figures: figures.map((f) => ({
            companyId,
            fiscalYear: 2024,
            fiscalQuarter: null,
            metric: 'revenue',
            kind: 'reported',
            currency: 'USD',
            ...f,
          })),
        }),
      );
    const coverage = (query: Record<string, unknown> = {}) =>
      coverageFor(analyst, { year: 2024, metric: 'revenue', list, ...query });
    return { analyst, tag, list, company, put, coverage };
  }

  const names = (rows: CoverageRow[]) => rows.map((r) => r.name.split(' ')[0]);

  it('opens on the latest fiscal year where 80% of companies have the metric, else the best-covered, else last year', async () => {
    // Operating income is used by no other test, so the first call sees none.
    const { analyst, company, put } = await setUp();
    const viewer = await makeUser('viewer');
    expect(await defaultCoverageYear({ actor: viewer }, { metric: 'operating_income' })).toBe(new Date().getUTCFullYear() - 1);
    const maker = await company('Maker');
    await put(analyst, maker.id, [
      { metric: 'operating_income', fiscalYear: 2023, value: '-12.5' },
      { metric: 'operating_income', fiscalYear: 2026, kind: 'estimate', value: '40' },
    ]);
    expect(await defaultCoverageYear({ actor: viewer }, { metric: 'operating_income' })).toBe(2026);
    // A second company with 2023 only: 2026 has 1 of 2 companies (under 80%), 2023 has both.
    const other = await company('Other');
    await put(analyst, other.id, [{ metric: 'operating_income', fiscalYear: 2023, value: '3' }]);
    expect(await defaultCoverageYear({ actor: viewer }, { metric: 'operating_income' })).toBe(2023);
    // An archived company's figures do not count.
    const gone = await company('Gone');
    await put(analyst, gone.id, [{ metric: 'operating_income', fiscalYear: 2031, value: '1' }]);
    await archive(analyst, gone);
    expect(await defaultCoverageYear({ actor: viewer }, { metric: 'operating_income' })).toBe(2023);
  });

  it('takes the reported full year over the estimate, and an estimate alone, flagged, with source, note and age', async () => {
    const { analyst, company, put, coverage } = await setUp();
    const reported = await company('Reported');
    const estimated = await company('Estimated');
    await put(analyst, reported.id, [
      { value: '1234567.000001', source: 'https://example.com/10-K', note: 'FY ends Dec' },
      { kind: 'estimate', value: '1300000', source: 'broker' },
    ]);
    await put(analyst, estimated.id, [{ kind: 'estimate', value: '1200', note: 'run-rate × 12' }]);
    const stored = (await listFigures({ actor: analyst }, { company: reported.id, year: 2024 })).find(
      (f) => f.kind === 'reported',
    );

    const { rows } = await coverage();
    expect(rows).toEqual([
      {
        id: estimated.id,
        name: estimated.name,
        ticker: null,
        ok: true,
        value: '1200',
        currency: 'USD',
        from: 'estimate',
        estimated: true,
        kind: 'estimate',
        sources: [],
        notes: ['run-rate × 12'],
        updatedAt: expect.any(String) as string,
        updatedBy: analyst.label,
        fxWarning: null,
      },
      {
        id: reported.id,
        name: reported.name,
        ticker: null,
        ok: true,
        value: '1234567.000001',
        currency: 'USD',
        from: 'reported',
        estimated: false,
        kind: 'reported',
        sources: ['https://example.com/10-K'],
        notes: ['FY ends Dec'],
        updatedAt: stored!.updatedAt,
        updatedBy: analyst.label,
        fxWarning: null,
      },
    ]);
  });

  it('sums the four quarters only when all exist (10.5 + 20.25 + 30.125 + 40.0625 = 100.9375), else gives the reason', async () => {
    const { analyst, company, put, coverage } = await setUp();
    const other = await makeUser('analyst');
    const four = await company('Four');
    const two = await company('Two');
    const none = await company('None');
    await put(analyst, four.id, [
      { fiscalQuarter: 1, value: '10.5', source: '10-Q Q1', note: 'restated' },
      { fiscalQuarter: 2, value: '20.25', source: '10-Q Q1', note: 'restated' },
      { fiscalQuarter: 3, value: '30.125', source: 'https://example.com/q3' },
      { fiscalQuarter: 3, kind: 'estimate', value: '99', source: 'not used' },
    ]);
    await put(other, four.id, [{ fiscalQuarter: 4, kind: 'estimate', value: '40.0625', source: 'guidance' }]);
    await put(analyst, two.id, [
      { fiscalQuarter: 1, value: '10' },
      { fiscalQuarter: 2, kind: 'estimate', value: '20' },
      // Other years and metrics do not fill the gap.
      { fiscalYear: 2023, value: '100' },
      { metric: 'capex', value: '5' },
    ]);
    const q4 = (await listFigures({ actor: other }, { company: four.id, year: 2024 })).find((f) => f.fiscalQuarter === 4)!;

    const { rows, counts } = await coverage();
    expect(names(rows)).toEqual(['Four', 'None', 'Two']);
    expect(rows[0]).toMatchObject({
      ok: true,
      value: '100.9375',
      from: 'quarters',
      estimated: true,
      kind: '4 quarters (Q4 estimate)',
      sources: ['10-Q Q1', 'https://example.com/q3', 'guidance'],
      notes: ['restated'],
      updatedAt: q4.updatedAt,
      updatedBy: other.label,
    });
    expect(rows[1]).toEqual({ id: none.id, name: none.name, ticker: null, ok: false, reason: 'no revenue for FY2024' });
    expect(rows[2]).toEqual({
      id: two.id,
      name: two.name,
      ticker: null,
      ok: false,
      reason: 'no revenue for FY2024 (only Q1, Q2 of 4 quarters)',
    });
    expect(counts).toEqual({ companies: 3, withValue: 1, missing: 2, estimated: 1, noFxRate: 0 });

    await put(analyst, two.id, [
      { fiscalQuarter: 3, value: '30' },
      { fiscalQuarter: 4, value: '40' },
    ]);
    expect((await coverage()).rows[2]).toMatchObject({
      ok: true,
      value: '100',
      estimated: true,
      kind: '4 quarters (Q2 estimate)',
    });
  });

  it('keeps to the list (named in any case), sorted by name case-insensitively, and names an unknown list', async () => {
    const { analyst, tag, list, company, put, coverage } = await setUp();
    await company('zeta');
    await company('Alpha', { ticker: `A${tag}` });
    await company('beta');
    const elsewhere = await makeCompany(analyst, { name: `Elsewhere ${tag}` });
    await put(analyst, elsewhere.id, [{ value: '1' }]);

    const onList = await coverage({ list: `  ${list.toUpperCase()} ` });
    expect(onList.list).toBe(list);
    expect(onList.unknownList).toBeNull();
    expect(names(onList.rows)).toEqual(['Alpha', 'beta', 'zeta']);
    expect(onList.rows[0]!.ticker).toBe(`A${tag}`);

    const everyone = await coverage({ list: undefined, q: tag });
    expect(everyone.list).toBeNull();
    expect(names(everyone.rows)).toEqual(['Alpha', 'beta', 'Elsewhere', 'zeta']);
    expect(names((await coverage({ list: undefined, q: `a${tag.toUpperCase()}` })).rows)).toEqual(['Alpha']);

    expect(await coverage({ list: `No such list ${tag}` })).toMatchObject({
      list: null,
      unknownList: `No such list ${tag}`,
      rows: [],
      counts: { companies: 0, withValue: 0, missing: 0, estimated: 0, noFxRate: 0 },
    });
  });

  it('leaves archived companies out', async () => {
    const { analyst, company, put, coverage } = await setUp();
    const kept = await company('Kept');
    const archived = await company('Archived');
    await put(analyst, kept.id, [{ value: '10' }]);
    await put(analyst, archived.id, [{ value: '20' }]);
    await archive(analyst, archived);
    const { rows, counts } = await coverage();
    expect(names(rows)).toEqual(['Kept']);
    expect(counts).toMatchObject({ companies: 1, withValue: 1, missing: 0 });
  });

  it('show=missing lists only the companies without a value, with reasons; show=present the others; counts cover the set', async () => {
    const { analyst, company, put, coverage } = await setUp();
    const full = await company('Full');
    const half = await company('Half');
    await company('Empty');
    await put(analyst, full.id, [{ kind: 'estimate', value: '7' }]);
    await put(analyst, half.id, [{ fiscalQuarter: 2, value: '3' }]);
    const counts = { companies: 3, withValue: 1, missing: 2, estimated: 1, noFxRate: 0 };

    const missing = await coverage({ show: 'missing' });
    expect(missing.rows.map((r) => [r.name.split(' ')[0], r.ok ? r.value : r.reason])).toEqual([
      ['Empty', 'no revenue for FY2024'],
      ['Half', 'no revenue for FY2024 (only Q2 of 4 quarters)'],
    ]);
    expect(missing.counts).toEqual(counts);
    const present = await coverage({ show: 'present' });
    expect(names(present.rows)).toEqual(['Full']);
    expect(present.counts).toEqual(counts);
    expect((await coverage({ show: 'missing', year: 2023 })).rows).toHaveLength(3);
  });

  it('flags a value whose currency has no rate for the year, without making it missing', async () => {
    // The only test that sets rates: TWD has one for 2023 but not 2024, EUR has one for 2024.
    const { analyst, company, put, coverage } = await setUp();
    const taiwan = await company('Taiwan', { currency: 'TWD' });
    const europe = await company('Europe', { currency: 'EUR' });
    const dollar = await company('Dollar');
    await put(analyst, taiwan.id, [{ value: '2894307.7', currency: 'TWD' }]);
    await put(analyst, europe.id, [{ value: '500', currency: 'EUR' }]);
    await put(analyst, dollar.id, [{ value: '1' }]);
    await setRate(analyst, { currency: 'TWD', year: 2023, usdPerUnit: '0.032' });
    await setRate(analyst, { currency: 'EUR', year: 2024, usdPerUnit: '1.1' });

    const { rows, counts } = await coverage();
    expect(rows.map((r) => [r.name.split(' ')[0], r.ok && r.value, r.ok && r.currency, r.ok && r.fxWarning])).toEqual([
      ['Dollar', '1', 'USD', null],
      ['Europe', '500', 'EUR', null],
      ['Taiwan', '2894307.7', 'TWD', 'no TWD rate for 2024'],
    ]);
    expect(counts).toEqual({ companies: 3, withValue: 3, missing: 0, estimated: 0, noFxRate: 1 });
  });

  it('is read by every role, and refuses an anonymous caller', async () => {
    const { company, list } = await setUp();
    await company('Visible');
    const viewer = await makeUser('viewer');
    const { rows } = await coverageFor(viewer, { year: 2024, metric: 'capex', list });
    expect(rows).toEqual([expect.objectContaining({ ok: false, reason: 'no capex for FY2024' })]);
    await expect(coverageFor(null as unknown as Actor, { year: 2024, metric: 'revenue' })).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
  });
});

describe('figureCoverageQueryFromSearch', () => {
  it('reads the page URL leniently: a bad value falls back to its default, blanks are no filter, the year may be absent', () => {
    expect(
      figureCoverageQueryFromSearch({ year: '2024', metric: 'capex', list: 'Portfolio', show: 'missing', q: ' nv ' }),
    ).toEqual({
      year: 2024,
      metric: 'capex',
      list: 'Portfolio',
      show: 'missing',
      q: 'nv',
    });
    expect(figureCoverageQueryFromSearch({ year: '1900', metric: 'ebitda', list: '', show: ['present', 'all'], q: '' })).toEqual({
      metric: 'revenue',
      show: 'present',
    });
  });
});
