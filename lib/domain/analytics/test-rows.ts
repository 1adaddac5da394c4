import { Dec } from '../decimal';
import type { Missing } from '../figures/types';
import type { LayerKey } from '../layers';
import type { CompanyYearValue } from './types';

/** Test rows: a company with a value in USD millions (held as its twelfths, exactly). */
export function valued(
  id: string,
  name: string,
  shares: Partial<Record<LayerKey, string>>,
  value: string,
  { estimated = false }: { estimated?: boolean } = {},
): CompanyYearValue {
  return { id, name, shares, twelfths: new Dec(value).times(12).toFixed(), estimated, missing: null };
}

/** Test rows: a company without a value, `no_figure` unless told. */
export function unvalued(
  id: string,
  name: string,
  shares: Partial<Record<LayerKey, string>>,
  missing: Missing = { code: 'no_figure', reason: 'no revenue for FY2025' },
): CompanyYearValue {
  return { id, name, shares, twelfths: null, estimated: false, missing };
}
