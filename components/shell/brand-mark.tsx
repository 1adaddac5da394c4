import { LAYERS } from '@/lib/domain/layers';

/** Six bars in the layer colours, bottom to top: the Stacklens mark. */
export function BrandMark() {
  return (
    <span className="brand-mark" aria-hidden="true">
      {LAYERS.map((l) => (
        <span key={l.key} style={{ background: l.colour }} />
      ))}
    </span>
  );
}
