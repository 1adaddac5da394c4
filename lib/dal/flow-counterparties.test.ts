import { beforeAll, describe, expect, it } from 'vitest';
import { companyFilterSchema } from '@/lib/companies/filter';
import type { Actor } from '@/lib/domain/actor';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/actors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { loadFlowStack } from '@/lib/testing/flow-stack';
import { listCompanies } from './companies';
import { companyCounterparties, searchFlowParties } from './flow-counterparties';
import { setFxRate } from './fx';
import { importFlowsCsv } from './flow-csv';

describe.each(TEST_DRIVERS)("a company's customers and suppliers on %s", (driver) => {
  useFreshDatabase(driver);
  let viewer: Actor;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    await loadFlowStack();
    viewer = await makeUser('viewer');
    const { items } = await listCompanies({ actor: viewer }, companyFilterSchema.parse({ archived: 'include' }));
    for (const c of items) ids.set(c.name, c.id);
  });
  const of = (name: string, year?: number, actor = viewer) => companyCounterparties({ actor }, { company: ids.get(name)!, year });
  type Side = Awaited<ReturnType<typeof of>>['customers'];
  const lines = (side: Side) =>
    side.lines.map(
      (l) =>
        `${l.flow.payerName}→${l.flow.payeeName} ${l.flow.kind} ${l.usd ?? l.missing} ${l.counted ? l.shareOfRevenue : 'not counted'}`,
    );

  it("prices Cloud's flows of its latest year with flows, each customer as a share of its calendar revenue (300)", async () => {
    const cloud = await of('Cloud');
    expect(cloud).toMatchObject({ year: 2024, years: [2024, 2023], revenue: { value: 300, estimated: false, reason: null } });
    expect(cloud.company).toMatchObject({ name: 'Cloud', currency: 'USD', layers: ['execution'] });
    expect(lines(cloud.customers)).toEqual(['App→Cloud reported 150 0.5', 'Lab→Cloud estimate 150 0.5']);
    expect(cloud.customers).toMatchObject({ total: 300, shareOfRevenue: 1 });
    expect(lines(cloud.suppliers)).toEqual(['Cloud→Chip reported 400 null', 'Cloud→Fab reported 100 null']);
    expect(cloud.suppliers).toMatchObject({ total: 500, shareOfRevenue: null });
    expect((await of('Cloud', 2023)).customers.lines.map((l) => l.usd)).toEqual([999]);
  });

  it("lists a link's estimate beside its reported flow but counts the reported one, against an estimated revenue", async () => {
    const lab = await of('Lab');
    expect(lab.revenue).toEqual({ value: 400, estimated: true, reason: null });
    expect(lines(lab.customers)).toEqual(['App→Lab reported 200 0.5', 'App→Lab estimate 250 not counted']);
  });

  it('shows a flow without a rate as missing, with the reason, and no share when the company has no revenue', async () => {
    const seoul = await of('Seoul Memory');
    expect(seoul.revenue).toEqual({ value: null, estimated: false, reason: 'no revenue for FY2024' });
    expect(lines(seoul.customers)).toEqual(['App→Seoul Memory reported no KRW rate for 2024 null']);
    await setFxRate({ actor: await makeUser('analyst') }, { currency: 'KRW', year: 2024, usdPerUnit: '0.000733' });
    const priced = await of('Seoul Memory');
    expect(priced.customers.lines[0]).toMatchObject({ usd: 0.733, missing: null, shareOfRevenue: null });
  });

  it('opens a company without flows on the current year, and refuses an unknown company or a bad year', async () => {
    const fab = await of('Fab', 2020);
    expect(fab).toMatchObject({ year: 2020, years: [2024], customers: { lines: [], total: 0, shareOfRevenue: null } });
    await expect(
      companyCounterparties({ actor: viewer }, { company: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(companyCounterparties({ actor: viewer }, { company: ids.get('Fab')!, year: 'abc' as never })).rejects.toThrow(
      /year/i,
    );
    await expect(of('Cloud', undefined, { ...viewer, role: 'nobody' as never })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('offers companies by name as typed, each with its currency and layers, archived ones left out', async () => {
    const found = await searchFlowParties({ actor: viewer }, { q: 'chip' });
    expect(found.map((c) => [c.name, c.currency, c.layers])).toEqual([['Chip', 'USD', ['chips']]]);
    expect((await searchFlowParties({ actor: viewer }, { q: 'la' })).map((c) => [c.name, c.layers])).toEqual([
      ['Lab', ['models', 'application']],
    ]);
    await expect(searchFlowParties({ actor: viewer }, { q: ' ' })).rejects.toThrow(/Type part of a name/);
  });

  it('opens on the latest year with flows in which the company has revenue, so a customer’s share can be read', async () => {
    const analyst = await makeUser('analyst');
    await importFlowsCsv(
      { actor: analyst },
      {
        text: 'payer,payer_layer,payee,payee_layer,year,kind,value_millions,currency,source,note\nLab,models,Chip,chips,2025,,10,,,',
        dryRun: false,
      },
    );
    const chip = await of('Chip');
    // 2025 has a flow but no revenue for Chip: 2024 opens, and 2025 stays one pick away.
    expect(chip).toMatchObject({ year: 2024, years: [2025, 2024] });
    expect(chip.customers.lines.find((l) => l.flow.payerName === 'Cloud')).toMatchObject({ shareOfRevenue: 0.8 });
    // Seoul Memory has no revenue in any year of its flows: its latest year with flows.
    expect((await of('Seoul Memory')).year).toBe(2024);
  });
});
