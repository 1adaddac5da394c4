import { countryName } from '@/lib/domain/countries';
import type { DashboardFilters } from '@/lib/domain/dashboard/filters';
import { LAYERS } from '@/lib/domain/layers';
import type { LegendEntry } from '@/lib/export/memo-svg';
import { memoSubtitle } from '@/lib/export/memo-text';
import { layerLabel } from './chart-style';

/** The subtitle of a chart's exports: what it plots, over which period, under which filters (and assumptions). */
export function filtersSubtitle(
  filters: DashboardFilters,
  { measure, period, assumptions }: { measure: string; period: string; assumptions?: readonly string[] },
): string {
  return memoSubtitle({
    measure,
    period,
    basis: filters.basis,
    list: filters.list,
    status: filters.status,
    country: filters.country && countryName(filters.country),
    estimates: filters.estimates,
    assumptions,
  });
}

/** The six layers in stack order, named as the charts' legends name them. */
export const LAYER_LEGEND: readonly LegendEntry[] = LAYERS.map((layer) => ({ label: layerLabel(layer), colour: layer.colour }));
