/** The CSV files the Import page takes (docs/data-contract.md §6), in the order a new universe is loaded. */
export const CSV_IMPORT_KINDS = {
  companies: {
    file: 'companies.csv',
    one: 'company',
    many: 'companies',
    header: 'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,…',
  },
  fx: { file: 'fx.csv', one: 'FX rate', many: 'FX rates', header: 'currency,year,usd_per_unit' },
  figures: {
    file: 'figures.csv',
    one: 'figure',
    many: 'figures',
    header: 'company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note',
  },
  exposures: {
    file: 'exposures.csv',
    one: 'exposure profile',
    many: 'exposure profiles',
    header: 'company,scope,from_year,infrastructure,chips,data,models,execution,application,outside',
  },
  flows: {
    file: 'flows.csv',
    one: 'flow',
    many: 'flows',
    header: 'payer,payer_layer,payee,payee_layer,year,kind,value_millions,currency,source,note',
  },
} as const;

export type CsvImportKind = keyof typeof CSV_IMPORT_KINDS;
