import { companyFilterSchema } from '@/lib/companies/filter';
import { listCompanies } from '@/lib/dal/companies';
import { importCompaniesCsv } from '@/lib/dal/company-csv';
import { bulkUpdateCompanies } from '@/lib/dal/company-writes';
import { importFiguresCsv } from '@/lib/dal/figure-csv';
import { importFlowsCsv } from '@/lib/dal/flow-csv';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';

/**
 * A stack worked by hand (docs/data-contract.md §9). Calendar years, USD unless said. Revenue 2024: App 1,000
 * (application), Lab 400 estimate (half models, half application), Cloud 300 (execution), Chip 500 (chips); Fab
 * and Seoul Memory (chips) have none, so they are in the set S but not in I. Old Chip is archived. Cloud alone is on
 * the list Clouds.
 */
const COMPANIES = `name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,outside,currency,website,description
App,,US,public,12,,,,,,,1,,USD,,
Lab,,US,private,12,,,,,0.5,,0.5,,USD,,
Cloud,,US,public,12,Clouds,,,,,1,,,USD,,
Chip,,US,public,12,,,1,,,,,,USD,,
Fab,,TW,public,12,,,1,,,,,,USD,,
Seoul Memory,,KR,public,12,,,1,,,,,,KRW,,
Old Chip,,US,public,12,,,1,,,,,,USD,,`;

const FIGURES = `company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note
App,2024,,revenue,,1000,,,
Lab,2024,,revenue,estimate,400,,,
Cloud,2024,,revenue,,300,,,
Chip,2024,,revenue,,500,,,`;

// f2 repeats f1's key as an estimate (the reported one is chosen); f3 and f9 tie at 150; f6 takes the chips inflow
// to 520, above Chip's 500; f7 pays an archived company; f8 is in KRW, which has no 2024 rate.
const FLOWS = `payer,payer_layer,payee,payee_layer,year,kind,value_millions,currency,source,note
App,application,Lab,models,2024,reported,200,,f1,
App,application,Lab,models,2024,estimate,250,,f2,
Lab,models,Cloud,execution,2024,estimate,150,,f3,
Cloud,execution,Chip,chips,2024,reported,400,,f4,
Cloud,execution,Fab,chips,2024,reported,100,,f5,
Lab,models,Chip,chips,2024,estimate,120,,f6,
Chip,chips,Old Chip,chips,2024,reported,50,,f7,
App,application,Seoul Memory,chips,2024,reported,1000,,f8,
App,application,Cloud,execution,2024,reported,150,,f9,
App,application,Cloud,execution,2023,reported,999,,other year,`;

/** Loads the stack above (the worked numbers are in lib/dal/analytics/flows.test.ts). */
export async function loadFlowStack(): Promise<void> {
  const load = (importCsv: typeof importFlowsCsv, text: string) => importCsv({ actor: SYSTEM_ACTOR }, { text, dryRun: false });
  await load(importCompaniesCsv, COMPANIES);
  await load(importFiguresCsv, FIGURES);
  await load(importFlowsCsv, FLOWS);
  const old = (await listCompanies({ actor: SYSTEM_ACTOR }, companyFilterSchema.parse({ q: 'Old Chip' }))).items[0]!;
  await bulkUpdateCompanies({ actor: SYSTEM_ACTOR }, { ids: [old.id], action: { kind: 'archive' } });
}
