import { LAYERS } from '@/lib/domain/layers';
import type { CompanyView } from '@/lib/companies/schema';
import { PALETTE } from '@/lib/charts/palette';

const OUTSIDE_COLOUR = PALETTE.outside;

function percent(share: string): string {
  return `${(Number(share) * 100).toFixed(Number(share) * 100 < 10 ? 1 : 0)}%`;
}

/** A small 100% bar of a company's shares in the six layers (stack order) and outside the stack, in grey. */
export function ExposureBar({ company }: { company: Pick<CompanyView, 'exposures' | 'outside'> }) {
  const colour = new Map(LAYERS.map((l) => [l.key, l]));
  const label = [
    ...company.exposures.map((e) => `${colour.get(e.layer)!.name} ${percent(e.share)}`),
    ...(Number(company.outside) > 0 ? [`outside ${percent(company.outside)}`] : []),
  ].join(', ');
  return (
    <span className="exposure-bar" role="img" aria-label={label || 'no exposure recorded'} title={label}>
      {company.exposures.map((e) => (
        <span key={e.layer} style={{ width: `${Number(e.share) * 100}%`, background: colour.get(e.layer)!.colour }} />
      ))}
      {Number(company.outside) > 0 && <span style={{ width: `${Number(company.outside) * 100}%`, background: OUTSIDE_COLOUR }} />}
    </span>
  );
}

export function LayerChip({ layer }: { layer: string | null }) {
  const found = LAYERS.find((l) => l.key === layer);
  if (!found) return <span className="muted">—</span>;
  return (
    <span className="layer-chip">
      <span aria-hidden="true" style={{ background: found.colour }} />
      {found.name}
    </span>
  );
}
