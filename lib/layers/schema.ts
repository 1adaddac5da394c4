import type { LayerKey } from '../domain/layers';

/** A layer as the `layers` table describes it. */
export interface LayerView {
  key: LayerKey;
  name: string;
  position: number;
  holds: string;
  ends: string;
}

/** How many active companies earn from a layer. */
export interface LayerCount {
  key: LayerKey;
  companies: number;
}
