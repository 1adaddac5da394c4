export { companyYearValue, monthsInCalendarYear, roundMoney } from './calendar';
export type { CompanyYearInput, CompanyYearResult, YearPart } from './calendar';
export { chooseFiscalValue } from './choose';
export type { ChooseOptions, FiscalValueResult } from './choose';
export { KINDS, METRIC_LABELS, METRIC_NAMES, METRICS } from './types';
export type { Basis, FigureValue, Kind, Metric, Missing, MissingCode } from './types';
