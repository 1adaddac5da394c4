/**
 * What each CSV file holds, column by column, for the Import / export page's format help, and a template per file:
 * the header and an example row that the importer reads back as written (a test imports each one). The rules are
 * those of docs/data-contract.md §6 and §9, in words an analyst filling in a spreadsheet can follow.
 */
export type CsvFormatKind = 'companies' | 'fx' | 'figures' | 'exposures' | 'flows';

export interface CsvFormat {
  /** Column (or a group of columns) → what it holds. */
  columns: readonly (readonly [string, string])[];
  /** The file a template download writes: a header row and example rows. */
  template: string;
}

const SHARES =
  'The seven shares. Each row sums to 1 (fractions, 0.25) or to 100 (percentages, 25); blank is 0. outside is the part of the business outside the AI stack, so a lone 1 in chips means 100% chips.';

const COMPANY_MATCH =
  'A company’s name, else its ticker, matched case-insensitively; the company must exist (import companies.csv first).';

const VALUE =
  'Millions of the currency with a dot for decimals (at most 6): 60922.5. Thousands separators ("60,922.5", quoted) are read as such when the file writes its decimals with a dot.';

export const CSV_FORMATS: Record<CsvFormatKind, CsvFormat> = {
  companies: {
    columns: [
      ['name', 'Required. Matches an existing company case-insensitively, so a row with a known name updates it.'],
      ['ticker', 'Optional; unique.'],
      ['country', 'Optional; a two-letter ISO code such as US, TW or GB (not UK).'],
      ['status', 'public or private (blank: public).'],
      ['fiscal_year_end_month', 'The month the fiscal year ends, 1–12 (blank: 12).'],
      [
        'lists',
        'List names separated by ; (Portfolio;Watchlist). Sets the company’s lists exactly; a new name creates the list.',
      ],
      ['infrastructure, chips, data, models, execution, application, outside', SHARES],
      ['currency', 'Optional; the ISO 4217 reporting currency (blank: USD).'],
      ['website, description', 'Optional.'],
    ],
    template: [
      'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,outside,currency,website,description',
      'Example Foundry,EXFD,TW,public,12,Watchlist,0.2,0.8,0,0,0,0,0,TWD,https://example.com,A contract chip maker',
      'Example Cloud,,US,private,12,,60,0,0,0,0,0,40,USD,,A GPU cloud; 40% of its business is outside the stack',
    ].join('\r\n'),
  },
  fx: {
    columns: [
      ['currency', 'Required. The ISO 4217 code of a currency other than USD: EUR, TWD, JPY.'],
      ['year', 'Required. The calendar year the rate is the average of, written 2024 (not FY2024).'],
      ['usd_per_unit', 'Required. US dollars per one unit of the currency, a positive decimal: 1.0824 for EUR.'],
    ],
    template: ['currency,year,usd_per_unit', 'EUR,2024,1.0824', 'TWD,2024,0.0311'].join('\r\n'),
  },
  figures: {
    columns: [
      ['company', `Required. ${COMPANY_MATCH}`],
      ['fiscal_year', 'Required. The fiscal year, written 2024 (not FY2024).'],
      ['fiscal_quarter', '1–4 for a quarter; blank for the full year.'],
      ['metric', 'Required. revenue, capex or operating_income.'],
      ['kind', 'reported or estimate (blank: reported).'],
      ['value_millions', `Required. ${VALUE} Only operating income may be negative.`],
      ['currency', 'The ISO 4217 currency of the value (blank: the company’s reporting currency).'],
      ['source, note', 'Optional: where the number comes from (a filing and page, or a URL), and a remark.'],
    ],
    template: [
      'company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note',
      'Example Foundry,2024,,revenue,reported,2894307.8,TWD,Annual report 2024 p. 12,',
      'Example Foundry,2024,,capex,reported,956000,TWD,Annual report 2024 p. 40,',
      'Example Foundry,2024,,operating_income,estimate,-1200.5,TWD,,Our estimate',
    ].join('\r\n'),
  },
  exposures: {
    columns: [
      ['company', `Required. ${COMPANY_MATCH}`],
      ['scope', 'all, revenue, capex or operating_income: the metric the shares apply to (blank: all).'],
      [
        'from_year',
        'The first year the shares apply, written 2023; blank is from the beginning (a scope other than all only: the base shares are companies.csv’s).',
      ],
      ['infrastructure, chips, data, models, execution, application, outside', SHARES],
    ],
    template: [
      'company,scope,from_year,infrastructure,chips,data,models,execution,application,outside',
      'Example Foundry,capex,,1,0,0,0,0,0,0',
      'Example Foundry,all,2025,0.1,0.9,0,0,0,0,0',
    ].join('\r\n'),
  },
  flows: {
    columns: [
      ['payer, payee', `Required. The company that pays and the one paid. ${COMPANY_MATCH} Not the same company.`],
      [
        'payer_layer, payee_layer',
        'Required. The layer the spend serves for the payer, and the layer that earns it for the payee: infrastructure, chips, data, models, execution or application — one where that company has a share.',
      ],
      ['year', 'Required. The calendar year the money was spent, written 2024.'],
      ['kind', 'reported (a filing states it, or a share of a reported total) or estimate (blank: reported).'],
      ['value_millions', `Required. ${VALUE} Never negative.`],
      ['currency', 'The ISO 4217 currency of the value (blank: the payee’s reporting currency).'],
      ['source, note', 'Optional: where the number comes from, and how an estimate was made.'],
    ],
    template: [
      'payer,payer_layer,payee,payee_layer,year,kind,value_millions,currency,source,note',
      'Example Cloud,infrastructure,Example Foundry,chips,2024,estimate,1500,USD,Supplier note,Share of reported capex',
    ].join('\r\n'),
  },
};
