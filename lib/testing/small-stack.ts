import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { importCompaniesCsv } from '@/lib/dal/company-csv';
import { importFiguresCsv } from '@/lib/dal/figure-csv';
import { importFxCsv } from '@/lib/dal/fx';

/**
 * A six-company stack small enough to work out by hand (the worked numbers are in lib/dal/analytics/endpoints.test.ts):
 * a pure chip maker, a hyperscaler 30% outside the stack, a EUR application, a January year end, a TWD company
 * without a 2024 rate, and a company without figures. Chipco and Hyper are on Portfolio.
 */
const COMPANIES = `name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,outside,currency,website,description
Chipco,CHP,US,public,12,Portfolio,,1,,,,,,USD,,
Hyper,HYP,US,public,12,Portfolio,0.2,,,,0.3,0.2,0.3,USD,,
Euro App,EUA,FR,private,12,,,,,,,1,,EUR,,
Jan Co,JAN,US,public,1,,,0.5,,0.5,,,,USD,,
Taiwan Fab,TWF,TW,public,12,,,1,,,,,,TWD,,
Gap Co,,US,private,12,,,,,,,1,,USD,,`;

// Jan Co's year ends in January: CY2024 = (FY2024 × 1 + FY2025 × 11) / 12 = (120 + 2640) / 12 = 230.
const FIGURES = `company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note
Chipco,2023,,revenue,,80,,,
Chipco,2024,,revenue,,100,,,
Chipco,2024,,operating_income,,40,,,
Chipco,2024,,capex,,10,,,
Hyper,2023,,revenue,,800,,,
Hyper,2024,,revenue,,1000,,,
Hyper,2024,,operating_income,,-100,,,
Hyper,2024,,capex,,500,,,
Euro App,2024,,revenue,,50,,,
Jan Co,2024,,revenue,,120,,,
Jan Co,2025,,revenue,estimate,240,,,
Taiwan Fab,2024,,revenue,,3000,,,`;

export async function loadSmallStack(): Promise<void> {
  await importCompaniesCsv({ actor: SYSTEM_ACTOR }, { text: COMPANIES, dryRun: false });
  await importFxCsv({ actor: SYSTEM_ACTOR }, { text: 'currency,year,usd_per_unit\nEUR,2024,1.1\nTWD,2023,0.031', dryRun: false });
  await importFiguresCsv({ actor: SYSTEM_ACTOR }, { text: FIGURES, dryRun: false });
}
