import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { addCompany, patchCompany } from '@/lib/testing/companies';
import { companyFilterSchema } from '@/lib/companies/filter';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { companyHistory, getCompany, listCompanies } from './companies';
import { bulkUpdateCompanies, deleteCompanyPermanently } from './company-writes';
import { listLists } from './lists';

const filter = (f: Record<string, unknown> = {}) => companyFilterSchema.parse(f);

describe.each(TEST_DRIVERS)('company writes on %s', (driver) => {
  useFreshDatabase(driver);

  it('creates a company split 60/40 that shows under both layer filters, primary under the larger', async () => {
    const analyst = await makeUser('analyst');
    const company = await addCompany(analyst, {
      name: '  Split Co ',
      ticker: 'splt',
      country: 'nl',
      fiscalYearEndMonth: '6',
      currency: 'eur',
      lists: ['portfolio', 'New List'],
      exposures: [
        { layer: 'models', share: '0.4', subLayer: 'LLMs' },
        { layer: 'chips', share: '0.60' },
      ],
    });
    expect(company).toMatchObject({
      name: 'Split Co',
      ticker: 'splt',
      country: 'NL',
      currency: 'EUR',
      fiscalYearEndMonth: 6,
      status: 'public',
      version: 1,
      outside: '0',
      primaryLayer: 'chips',
      lists: ['New List', 'Portfolio'],
      exposures: [
        { layer: 'chips', share: '0.6', subLayer: null },
        { layer: 'models', share: '0.4', subLayer: 'LLMs' },
      ],
    });
    for (const layer of ['chips', 'models'])
      expect((await listCompanies({ actor: analyst }, filter({ layer }))).items.map((c) => c.name)).toContain('Split Co');
    expect(
      (await listCompanies({ actor: analyst }, filter({ layer: 'models', layerMode: 'primary' }))).items.map((c) => c.name),
    ).not.toContain('Split Co');
    expect((await listCompanies({ actor: analyst }, filter({ list: 'PORTFOLIO' }))).items.map((c) => c.name)).toEqual([
      'Split Co',
    ]);
    expect((await listLists({ actor: analyst })).map((l) => [l.name, l.companies])).toEqual([
      ['New List', 1],
      ['Portfolio', 1],
      ['Watchlist', 0],
    ]);
  });

  it('names the clash on a duplicate name (Unicode case folding) or ticker', async () => {
    const analyst = await makeUser('analyst');
    await addCompany(analyst, { name: "Société d'Agents", ticker: 'SDA' });
    await expect(addCompany(analyst, { name: "SOCIÉTÉ D'AGENTS" })).rejects.toThrow(
      "A company named Société d'Agents already exists.",
    );
    await expect(addCompany(analyst, { name: 'Other', ticker: 'sda' })).rejects.toThrow(
      "The ticker sda belongs to Société d'Agents.",
    );
  });

  it('refuses shares that sum above 1, a share above 1 and a layer twice', async () => {
    const analyst = await makeUser('analyst');
    await expect(
      addCompany(analyst, {
        name: 'Too much',
        exposures: [
          { layer: 'chips', share: '0.7' },
          { layer: 'data', share: '0.4' },
        ],
      }),
    ).rejects.toBeInstanceOf(Error);
    await expect(
      addCompany(analyst, {
        name: 'Twice',
        exposures: [
          { layer: 'chips', share: '0.5' },
          { layer: 'chips', share: '0.2' },
        ],
      }),
    ).rejects.toThrow(/chips appears twice/);
    expect((await listCompanies({ actor: analyst }, filter({ q: 'too much' }))).total).toBe(0);
  });

  it('a stale version is a conflict that carries the stored company; nothing is overwritten', async () => {
    const analyst = await makeUser('analyst');
    const created = await addCompany(analyst, { name: 'Contested', exposures: [{ layer: 'data', share: '1' }] });
    const first = await patchCompany(analyst, created.id, { version: 1, description: 'first edit' });
    expect(first.version).toBe(2);
    const error = await patchCompany(analyst, created.id, { version: 1, description: 'second edit' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toMatchObject({ description: 'first edit', version: 2 });
    expect((await getCompany({ actor: analyst }, created.id)).description).toBe('first edit');
    const unversioned = (await patchCompany(analyst, created.id, { description: 'third' }).catch(
      (e: unknown) => e,
    )) as ConflictError;
    expect(unversioned).toBeInstanceOf(ConflictError);
    expect(unversioned.current).toMatchObject({ description: 'first edit', version: 2 });
  });

  it('a patch changes only what it names and is validated like a full write', async () => {
    const analyst = await makeUser('analyst');
    const created = await addCompany(analyst, {
      name: 'Patchable',
      ticker: 'PTCH',
      exposures: [{ layer: 'models', share: '0.5' }],
    });
    const patched = await patchCompany(analyst, created.id, { version: 1, country: 'us' });
    expect(patched).toMatchObject({ ticker: 'PTCH', country: 'US', outside: '0.5' });
    await expect(patchCompany(analyst, created.id, { version: 2, fiscalYearEndMonth: 13 })).rejects.toThrow(/1 to 12/);
    await expect(patchCompany(analyst, created.id, { version: 2, colour: 'red' })).rejects.toThrow();
  });

  it('archives and restores, hiding archived companies unless asked, with a history entry for each change', async () => {
    const analyst = await makeUser('analyst');
    const viewer = await makeUser('viewer');
    const c = await addCompany(analyst, { name: 'Archivable' });
    await bulkUpdateCompanies({ actor: analyst }, { ids: [c.id], action: { kind: 'archive' } });
    expect((await listCompanies({ actor: viewer }, filter({ q: 'archivable' }))).total).toBe(0);
    expect((await listCompanies({ actor: viewer }, filter({ q: 'archivable', archived: 'only' }))).items[0]).toMatchObject({
      archived: true,
      version: 2,
    });
    const restored = await patchCompany(analyst, c.id, { version: 2, archived: false });
    expect(restored.archived).toBe(false);
    expect((await companyHistory({ actor: viewer }, c.id)).map((h) => h.action)).toEqual([
      'company.restore',
      'company.archive',
      'company.create',
    ]);
  });

  it('bulk actions change only the companies that need it, one audit event each', async () => {
    const analyst = await makeUser('analyst');
    const a = await addCompany(analyst, { name: 'Bulk A', lists: ['Watchlist'] });
    const b = await addCompany(analyst, {
      name: 'Bulk B',
      exposures: [
        { layer: 'chips', share: '0.3' },
        { layer: 'data', share: '0.2' },
      ],
    });
    expect(
      await bulkUpdateCompanies({ actor: analyst }, { ids: [a.id, b.id], action: { kind: 'add-to-list', list: 'watchlist' } }),
    ).toEqual({ changed: 1 });
    expect(
      await bulkUpdateCompanies({ actor: analyst }, { ids: [a.id, b.id], action: { kind: 'set-layer', layer: 'chips' } }),
    ).toEqual({ changed: 2 });
    expect((await getCompany({ actor: analyst }, b.id)).exposures).toEqual([{ layer: 'chips', share: '1', subLayer: null }]);
    expect(
      await bulkUpdateCompanies(
        { actor: analyst },
        { ids: [a.id, b.id], action: { kind: 'remove-from-list', list: 'WATCHLIST' } },
      ),
    ).toEqual({
      changed: 2,
    });
    expect((await companyHistory({ actor: analyst }, b.id)).map((h) => h.action)).toEqual([
      'company.list_remove',
      'company.set_layer',
      'company.list_add',
      'company.create',
    ]);
  });

  it('keeps viewers out of writes and analysts out of permanent deletion', async () => {
    const viewer = await makeUser('viewer');
    const analyst = await makeUser('analyst');
    const admin = await makeUser('admin');
    await expect(addCompany(viewer, { name: 'Nope' })).rejects.toBeInstanceOf(ForbiddenError);
    const c = await addCompany(analyst, { name: 'Doomed' });
    await expect(deleteCompanyPermanently({ actor: analyst }, c.id)).rejects.toBeInstanceOf(ForbiddenError);
    await deleteCompanyPermanently({ actor: admin }, c.id);
    await expect(getCompany({ actor: viewer }, c.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await companyHistory({ actor: admin }, c.id)).map((h) => h.action)).toEqual(['company.delete', 'company.create']);
  });

  it('pages and sorts in SQL with the total of the whole filtered set', async () => {
    const analyst = await makeUser('analyst');
    for (const [name, ticker] of [
      ['Paged Zeta', 'PZ'],
      ['Paged alpha', null],
      ['Paged Mu', 'PM'],
    ] as const)
      await addCompany(analyst, { name, ticker });
    const page = await listCompanies({ actor: analyst }, filter({ q: 'paged', limit: 2 }));
    expect(page.total).toBe(3);
    expect(page.items.map((c) => c.name)).toEqual(['Paged alpha', 'Paged Mu']);
    const byTicker = await listCompanies({ actor: analyst }, filter({ q: 'paged', sort: 'ticker', dir: 'desc' }));
    expect(byTicker.items.map((c) => c.ticker)).toEqual(['PZ', 'PM', null]);
    expect((await listCompanies({ actor: analyst }, filter({ q: 'paged', offset: 5 }))).total).toBe(3);
    await expect(listCompanies({ actor: analyst }, filter({ q: '%' }))).resolves.toMatchObject({ total: 0 });
  });

  it('refuses an unknown id politely', async () => {
    const viewer = await makeUser('viewer');
    await expect(getCompany({ actor: viewer }, 'not-an-id')).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      patchCompany(await makeUser('analyst'), '00000000-0000-4000-8000-000000000000', { version: 1 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(addCompany(await makeUser('analyst'), { name: ' ' })).rejects.toThrow(/Enter the company name/);
  });
});
