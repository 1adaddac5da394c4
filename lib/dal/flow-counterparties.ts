import 'server-only';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { companies, flows, fxRates } from '@/db/schema';
import { companyFilterSchema } from '../companies/filter';
import type { CompanyView } from '../companies/schema';
import { canonicalDecimal, Dec } from '../domain/decimal';
import { counterparties } from '../domain/flows/counterparties';
import { money } from '../domain/analytics/numbers';
import { currentCalendarYear } from '../domain/profiles';
import { LAYERS } from '../domain/layers';
import {
  counterpartiesQuerySchema,
  flowPartySearchSchema,
  type CounterpartiesQuery,
  type CounterpartiesView,
  type FlowPartyOption,
  type FlowPartySearch,
} from '../flows/schema';
import { companyValues } from './analytics/company-values';
import { getCompany, listCompanies } from './companies';
import { dbOf, type Ctx } from './context';
import { layersOf } from './flow-layers';
import { flowViews } from './flows';
import { assertRole } from './guard';
import { selectRows } from './sql-helpers';

/** A company as the flow editor offers it: its layers in stack order. */
function partyOption(c: CompanyView): FlowPartyOption {
  const layers = new Set(layersOf(c.exposures, c.profiles));
  return {
    id: c.id,
    name: c.name,
    ticker: c.ticker,
    currency: c.currency,
    layers: LAYERS.flatMap((l) => (layers.has(l.key) ? [l.key] : [])),
  };
}

/**
 * A company's customers and suppliers for a calendar year (docs/data-contract.md §9), for its page: its flows as
 * payee and as payer, each in USD at the year's rate, the counted one of each link chosen as the analytics choose
 * it, and for a customer the share of the company's calendar revenue (the values every analytics answer reads). The
 * year defaults to the latest with a flow of the company and its calendar revenue (so a customer's share can be
 * read), else the latest with a flow, else the current one.
 */
export async function companyCounterparties(ctx: Ctx, query: CounterpartiesQuery): Promise<CounterpartiesView> {
  assertRole(ctx.actor, 'viewer');
  const { company: id, year: asked } = counterpartiesQuerySchema.parse(query);
  const company = partyOption(await getCompany(ctx, id));
  const db = await dbOf(ctx);
  const ofCompany = or(eq(flows.payerId, id), eq(flows.payeeId, id));
  const years = (await db.selectDistinct({ year: flows.year }).from(flows).where(ofCompany).orderBy(desc(flows.year))).map(
    (r) => r.year,
  );
  const year = asked ?? (await latestWithRevenue(db, id, years)) ?? years[0] ?? currentCalendarYear();

  const ofYear = await flowViews(db, and(ofCompany, eq(flows.year, year)));
  const currencies = [...new Set(ofYear.map((f) => f.currency))].filter((c) => c !== 'USD');
  const rates = new Map(
    currencies.length === 0
      ? []
      : (
          await db
            .select({ currency: fxRates.currency, rate: fxRates.usdPerUnit })
            .from(fxRates)
            .where(and(eq(fxRates.year, year), inArray(fxRates.currency, currencies)))
        ).map((r) => [r.currency, canonicalDecimal(r.rate)]),
  );
  const [row] =
    (
      await companyValues(db, {
        from: year,
        to: year,
        metric: 'revenue',
        basis: 'calendar',
        estimates: 'include',
        companySet: eq(companies.id, id),
      })
    ).get(year) ?? [];
  // One company's value, not a sum: its twelfths divided by 12 at 40 digits, as `companyYearValue` gives it.
  const revenue = row?.twelfths == null ? null : canonicalDecimal(new Dec(row.twelfths).div(12));
  const { customers, suppliers } = counterparties({
    companyId: id,
    year,
    flows: ofYear,
    rate: (currency) => rates.get(currency) ?? null,
    revenue,
  });
  return {
    company,
    year,
    years,
    revenue: {
      value: revenue === null ? null : money(new Dec(revenue)),
      estimated: row?.estimated ?? false,
      reason: row ? (row.missing?.reason ?? null) : 'archived companies are left out of analytics',
    },
    customers,
    suppliers,
  };
}

/** The latest of `years` in which the company has a calendar-year revenue value (materialised, estimates included). */
async function latestWithRevenue(db: Database, id: string, years: readonly number[]): Promise<number | null> {
  if (years.length === 0) return null;
  const [row] = await selectRows<{ year: number | null }>(
    db,
    sql`select max(year)::int as year from company_values
        where company_id = ${id} and metric = 'revenue' and basis = 'calendar' and numerator is not null
          and year in (${sql.join(
            years.map((y) => sql`${y}::int`),
            sql`, `,
          )})`,
  );
  return row?.year ?? null;
}

/** How many companies the flow editor's picker offers at once. */
const PICKER_SIZE = 8;

/**
 * The flow editor's company picker: the companies whose name or ticker holds what was typed (archived ones left
 * out), each with its currency and the layers its flows may name.
 */
export async function searchFlowParties(ctx: Ctx, search: FlowPartySearch): Promise<FlowPartyOption[]> {
  assertRole(ctx.actor, 'viewer');
  const { q } = flowPartySearchSchema.parse(search);
  const { items } = await listCompanies(ctx, companyFilterSchema.parse({ q, limit: PICKER_SIZE }));
  return items.map(partyOption);
}
