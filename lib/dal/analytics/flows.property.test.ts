import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { companies, companyLists, exposures, flows, lists } from '@/db/schema';
import { flowsQuerySchema } from '@/lib/analytics/schema';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { flowsAggregate, type FlowRecord } from '@/lib/domain/analytics/flows';
import type { CompanyYearValue } from '@/lib/domain/analytics/types';
import { companyYearValue } from '@/lib/domain/figures/calendar';
import type { LayerKey } from '@/lib/domain/layers';
import { FLOW_CSV_COLUMNS } from '@/lib/dal/flow-csv';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import {
  random,
  UNIVERSE_CURRENCIES,
  universeCompaniesCsv,
  universeFiguresCsv,
  universeFxCsv,
  valueUniverse,
  type ValueUniverse,
} from '@/lib/testing/value-universe';
import { importCompaniesCsv } from '../company-csv';
import { bulkUpdateCompanies } from '../company-writes';
import { importFiguresCsv } from '../figure-csv';
import { importFlowsCsv } from '../flow-csv';
import { importFxCsv } from '../fx';
import { flowAnalytics } from '.';

const YEARS = { from: 2023, to: 2024 };
const SIZE = 16;

/** Random flows between the universe's companies, each side in one of its layers; ties and a currency without rates. */
function flowsCsv(seed: number, layersOf: ReadonlyMap<string, LayerKey[]>): string {
  const r = random(seed + 7);
  const names = [...layersOf.keys()];
  const currencyOf = new Map<string, string>();
  const seen = new Set<string>();
  const lines: string[] = [];
  for (let n = 0; n < 60; n++) {
    const payer = r.pick(names);
    const payee = r.pick(names.filter((name) => name !== payer));
    const link = [payer, r.pick(layersOf.get(payer)!), payee, r.pick(layersOf.get(payee)!), r.int(YEARS.from, YEARS.to)];
    const kind = r.pick(['reported', 'estimate']);
    if (seen.has(`${link.join('|')}|${kind}`)) continue;
    seen.add(`${link.join('|')}|${kind}`);
    const currency = currencyOf.get(link.join('|')) ?? r.pick([...UNIVERSE_CURRENCIES, 'USD', 'KRW']);
    currencyOf.set(link.join('|'), currency);
    // A third share one value above every other, so the top flows tie and are ordered by names and layers.
    const value = r.next() < 0.3 ? '300000' : r.money(false);
    lines.push([...link, kind, value, currency, '', ''].join(','));
  }
  return [FLOW_CSV_COLUMNS.join(','), ...lines].join('\n');
}

async function load(u: ValueUniverse, seed: number) {
  const as = { actor: SYSTEM_ACTOR };
  await importCompaniesCsv(as, { text: universeCompaniesCsv(u, seed), dryRun: false });
  await importFxCsv(as, { text: universeFxCsv(u.rates), dryRun: false });
  await importFiguresCsv(as, { text: universeFiguresCsv(u.figures), dryRun: false });
}

// A fresh database per universe, as for the per-company values.
describe.each(TEST_DRIVERS.flatMap((driver) => [5, 41].map((seed) => [driver, seed] as const)))(
  '/analytics/flows against the lib/ reference on %s, seed %i',
  (driver, seed) => {
    const database = useFreshDatabase(driver);

    it('agrees digit for digit for every year, estimates mode and set', async () => {
      const u = valueUniverse(seed, SIZE, YEARS);
      await load(u, seed);
      const { db } = database.current();
      const shares = await db
        .select({ name: companies.name, id: companies.id, layer: exposures.layerKey, share: exposures.share })
        .from(exposures)
        .innerJoin(companies, eq(companies.id, exposures.companyId));
      const layersOf = new Map<string, LayerKey[]>();
      const idOf = new Map<string, string>();
      for (const s of shares) {
        layersOf.set(s.name, [...(layersOf.get(s.name) ?? []), s.layer as LayerKey]);
        idOf.set(s.name, s.id);
      }
      await importFlowsCsv({ actor: SYSTEM_ACTOR }, { text: flowsCsv(seed, layersOf), dryRun: false });
      // One company archived (its flows leave scope), half the universe on a list.
      const archived = u.companies[1]!.name;
      await bulkUpdateCompanies({ actor: SYSTEM_ACTOR }, { ids: [idOf.get(archived)!], action: { kind: 'archive' } });
      const listed = u.companies.filter((_, i) => i % 2 === 0).map((c) => c.name);
      await bulkUpdateCompanies(
        { actor: SYSTEM_ACTOR },
        { ids: listed.map((n) => idOf.get(n)!), action: { kind: 'add-to-list', list: 'Half' } },
      );

      const payer = alias(companies, 'payer');
      const payee = alias(companies, 'payee');
      const stored = await db
        .select({ flow: flows, payer, payee })
        .from(flows)
        .innerJoin(payer, eq(payer.id, flows.payerId))
        .innerJoin(payee, eq(payee.id, flows.payeeId));
      const records: FlowRecord[] = stored.map(({ flow, payer: pr, payee: pe }) => ({
        ...flow,
        payer: { id: pr.id, name: pr.name, archived: pr.archived },
        payee: { id: pe.id, name: pe.name, archived: pe.archived },
        payerLayer: flow.payerLayer as LayerKey,
        payeeLayer: flow.payeeLayer as LayerKey,
      }));
      const onList = new Set(
        (
          await db
            .select({ id: companyLists.companyId })
            .from(companyLists)
            .innerJoin(lists, eq(lists.id, companyLists.listId))
            .where(eq(lists.name, 'Half'))
        ).map((r) => r.id),
      );

      let outcomes = new Set<string>();
      for (let year = YEARS.from; year <= YEARS.to; year++)
        for (const estimates of ['include', 'exclude'] as const)
          for (const list of [undefined, 'Half']) {
            const rows: CompanyYearValue[] = u.companies
              .filter((c) => c.name !== archived && (!list || onList.has(idOf.get(c.name)!)))
              .map((c) => {
                const value = companyYearValue({
                  figures: u.figures.filter((f) => f.company === c.name),
                  fiscalYearEndMonth: c.fye,
                  year,
                  metric: 'revenue',
                  basis: 'calendar',
                  estimates,
                  usdPerUnit: (currency, y) => u.rates.get(`${currency}|${y}`),
                });
                return {
                  id: idOf.get(c.name)!,
                  name: c.name,
                  shares: Object.fromEntries(shares.filter((s) => s.name === c.name).map((s) => [s.layer, s.share])),
                  twelfths: value.ok ? value.twelfths : null,
                  estimated: value.ok && value.estimated,
                  missing: value.ok ? null : value.missing,
                };
              });
            const expected = flowsAggregate({
              year,
              estimates,
              rows,
              flows: records,
              rate: (currency, y) => u.rates.get(`${currency}|${y}`) ?? null,
            });
            const {
              asOf: _asOf,
              basis: _basis,
              currency: _currency,
              year: _year,
              poolCoverage: _pools,
              ...answer
            } = await flowAnalytics({ actor: SYSTEM_ACTOR }, flowsQuerySchema.parse({ year, estimates, list }));
            expect(answer, `${year} ${estimates} ${list ?? 'all'}`).toEqual(expected);
            outcomes = new Set([
              ...outcomes,
              ...(expected.coverage.missingCount > 0 ? ['missing'] : []),
              ...(expected.layers.some((l) => l.inconsistent) ? ['inconsistent'] : []),
              ...(expected.top.length > 1 && expected.top.some((t, i) => expected.top[i + 1]?.value === t.value) ? ['tie'] : []),
              ...(expected.estimated ? ['estimated'] : []),
            ]);
          }
      // The universes exercise what the contract distinguishes, so agreement is not vacuous.
      expect([...outcomes].sort()).toEqual(['estimated', 'inconsistent', 'missing', 'tie']);
    }, 180_000);
  },
);
