import Link from 'next/link';
import { LAYERS, type LayerKey } from '@/lib/domain/layers';
import { formatCount } from '@/lib/format';

export interface LayerStackRow {
  key: LayerKey;
  name: string;
  position: number;
  detail?: React.ReactNode;
  companies?: number;
}

const colourOf = new Map(LAYERS.map((l) => [l.key, l.colour]));

/** The six layers drawn as a stack, application on top, each in its colour and linking to its page. */
export function LayerStack({ rows }: { rows: LayerStackRow[] }) {
  return (
    <ol className="stack" aria-label="The six layers of the AI stack, bottom to top" reversed={false}>
      {rows.map((row) => (
        <li key={row.key} className="stack-layer" data-layer={row.key}>
          <span className="swatch" style={{ background: colourOf.get(row.key) }} aria-hidden="true" />
          <span className="pos">{row.position}</span>
          <span>
            <Link href={`/layers/${row.key}`}>
              <strong>{row.name}</strong>
            </Link>
            {row.detail && <span className="muted"> — {row.detail}</span>}
          </span>
          {row.companies !== undefined && (
            <Link
              className="count"
              data-testid={`count-${row.key}`}
              href={`/companies?layer=${row.key}`}
              aria-label={`${formatCount(row.companies, 'company', 'companies')} in ${row.name}`}
            >
              <strong>{row.companies}</strong>
              <span className="muted">{row.companies === 1 ? 'company' : 'companies'}</span>
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}

export function FlowNote() {
  return (
    <p className="flow-note">
      <span aria-hidden="true">↓</span> Revenue originates at the application layer and flows down the stack; capex flows up,
      ahead of revenue. Business outside the stack (a retailer&apos;s stores) counts in no layer.
    </p>
  );
}
