import { describe, expect, it } from 'vitest';
import { companyFilterSchema } from '@/lib/companies/filter';
import { diffSnapshots } from '@/lib/domain/history';
import { currentCalendarYear } from '@/lib/domain/profiles';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/actors';
import { addCompany, patchCompany } from '@/lib/testing/companies';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { companyHistory, getCompany, listCompanies } from './companies';

const filter = (f: Record<string, unknown> = {}) => companyFilterSchema.parse(f);
const capexProfile = {
  scope: 'capex' as const,
  fromYear: null,
  exposures: [{ layer: 'infrastructure' as const, share: '0.85', subLayer: 'data centres' }],
};

describe.each(TEST_DRIVERS)('exposure profiles of a company on %s', (driver) => {
  useFreshDatabase(driver);

  it('stores profiles with the company, including one that puts everything outside, and reads them back sorted', async () => {
    const analyst = await makeUser('analyst');
    const company = await addCompany(analyst, {
      name: 'Hyperscaler',
      exposures: [
        { layer: 'application', share: '0.7' },
        { layer: 'execution', share: '0.2' },
      ],
      profiles: [
        { scope: 'revenue', fromYear: 2019, exposures: [] },
        capexProfile,
        { scope: 'all', fromYear: 2001, exposures: [{ layer: 'application', share: '0.5' }] },
      ],
    });
    const expected = [
      { scope: 'all', fromYear: 2001, exposures: [{ layer: 'application', share: '0.5', subLayer: null }], outside: '0.5' },
      { scope: 'revenue', fromYear: 2019, exposures: [], outside: '1' },
      {
        scope: 'capex',
        fromYear: null,
        exposures: [{ layer: 'infrastructure', share: '0.85', subLayer: 'data centres' }],
        outside: '0.15',
      },
    ];
    expect(company.profiles).toEqual(expected);
    expect((await getCompany({ actor: analyst }, company.id)).profiles).toEqual(expected);
    // The base stays the company's exposures; the current shares are the all profile from 2001.
    expect(company.exposures.map((e) => e.layer)).toEqual(['execution', 'application']);
    expect(company.current).toEqual({
      fromYear: 2001,
      exposures: [{ layer: 'application', share: '0.5', subLayer: null }],
      outside: '0.5',
    });
    expect(company.primaryLayer).toBe('application');
  });

  it('takes the current shares, primary layer and layer filters from the all profile of the current year', async () => {
    const analyst = await makeUser('analyst');
    const year = currentCalendarYear();
    const company = await addCompany(analyst, {
      name: 'Mover',
      exposures: [{ layer: 'application', share: '1' }],
      profiles: [
        { scope: 'all', fromYear: year - 1, exposures: [{ layer: 'chips', share: '0.9' }] },
        { scope: 'all', fromYear: year + 1, exposures: [{ layer: 'data', share: '1' }] },
        { scope: 'revenue', fromYear: null, exposures: [{ layer: 'models', share: '1' }] },
      ],
    });
    expect(company.primaryLayer).toBe('chips');
    expect(company.current.fromYear).toBe(year - 1);
    const names = async (f: Record<string, unknown>) =>
      (await listCompanies({ actor: analyst }, filter(f))).items.map((c) => c.name);
    expect(await names({ layer: 'chips', layerMode: 'primary' })).toContain('Mover');
    expect(await names({ layer: 'chips' })).toContain('Mover');
    expect(await names({ layer: 'application' })).not.toContain('Mover');
    expect(await names({ layer: 'application', layerMode: 'primary' })).not.toContain('Mover');
    expect(await names({ layer: 'data' })).not.toContain('Mover');
    expect(await names({ layer: 'models' })).not.toContain('Mover');
  });

  it('edits profiles as a company edit: replaced all at once, version bumped, 409 when stale, audited per profile', async () => {
    const analyst = await makeUser('analyst');
    const viewer = await makeUser('viewer');
    const company = await addCompany(analyst, { name: 'Chipmaker', exposures: [{ layer: 'chips', share: '0.5' }] });
    const edited = await patchCompany(analyst, company.id, { version: 1, profiles: [capexProfile] });
    expect(edited.version).toBe(2);
    expect(edited.profiles.map((p) => p.scope)).toEqual(['capex']);
    // Fields the patch does not name are kept; profiles it does not name are kept too.
    const renamed = await patchCompany(analyst, company.id, { version: 2, website: 'https://chips.example' });
    expect(renamed.profiles).toEqual(edited.profiles);

    await expect(patchCompany(analyst, company.id, { version: 2, profiles: [] })).rejects.toSatisfy(
      (e) => e instanceof ConflictError && (e.current as { version: number }).version === 3,
    );
    await expect(patchCompany(viewer, company.id, { version: 3, profiles: [] })).rejects.toBeInstanceOf(ForbiddenError);

    const replaced = await patchCompany(analyst, company.id, {
      version: 3,
      profiles: [{ scope: 'revenue', fromYear: 2022, exposures: [{ layer: 'chips', share: '0.9' }] }],
    });
    expect(replaced.profiles).toEqual([
      { scope: 'revenue', fromYear: 2022, exposures: [{ layer: 'chips', share: '0.9', subLayer: null }], outside: '0.1' },
    ]);
    const history = await companyHistory({ actor: viewer }, company.id);
    expect(history.map((h) => h.action)).toEqual(['company.update', 'company.update', 'company.update', 'company.create']);
    expect(diffSnapshots(history[0]!.before, history[0]!.after)).toEqual([
      { field: 'profile capex from the beginning', before: 'infrastructure 0.85 (data centres)', after: '—' },
      { field: 'profile revenue from 2022', before: '—', after: 'chips 0.9' },
    ]);
    expect(diffSnapshots(history[2]!.before, history[2]!.after)).toEqual([
      { field: 'profile capex from the beginning', before: '—', after: 'infrastructure 0.85 (data centres)' },
    ]);
  });

  it('refuses bad profiles naming the field, and writes nothing', async () => {
    const analyst = await makeUser('analyst');
    const company = await addCompany(analyst, { name: 'Careful', exposures: [{ layer: 'data', share: '1' }] });
    for (const profiles of [
      [{ scope: 'capx', exposures: [] }],
      [{ scope: 'capex', fromYear: '20x4', exposures: [] }],
      [{ scope: 'capex', exposures: [{ layer: 'chips', share: '1.2' }] }],
      [
        { scope: 'capex', fromYear: 2020, exposures: [] },
        { scope: 'capex', fromYear: 2020, exposures: [] },
      ],
      [{ scope: 'all', fromYear: null, exposures: [] }],
    ])
      await expect(patchCompany(analyst, company.id, { version: 1, profiles })).rejects.toSatisfy((e: unknown) =>
        JSON.stringify((e as { issues: unknown }).issues).includes('"profiles"'),
      );
    expect(await getCompany({ actor: analyst }, company.id)).toMatchObject({ version: 1, profiles: [] });
  });
});
