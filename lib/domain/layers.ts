/**
 * The six layers of the AI stack, bottom to top (docs/data-contract.md §1). This constant is the single source in code;
 * a migration seeds the `layers` table with the same keys, positions and names, and the app refuses to
 * start when the two disagree. Colours are the Okabe–Ito palette, safe for colour-blind readers.
 */
export const LAYERS = [
  { key: 'infrastructure', position: 1, name: 'Infrastructure', colour: '#0072B2' },
  { key: 'chips', position: 2, name: 'Chips', colour: '#56B4E9' },
  { key: 'data', position: 3, name: 'Data', colour: '#009E73' },
  { key: 'models', position: 4, name: 'Models', colour: '#E69F00' },
  { key: 'execution', position: 5, name: 'Execution', colour: '#D55E00' },
  { key: 'application', position: 6, name: 'Application', colour: '#CC79A7' },
] as const;

export type Layer = (typeof LAYERS)[number];
export type LayerKey = Layer['key'];

export const LAYER_KEYS = LAYERS.map((l) => l.key) as [LayerKey, ...LayerKey[]];

export function isLayerKey(value: string): value is LayerKey {
  return (LAYER_KEYS as readonly string[]).includes(value);
}

const LAYER_BY_KEY: ReadonlyMap<LayerKey, Layer> = new Map(LAYERS.map((l) => [l.key, l]));

/** The layer of a key (its name, position and colour). */
export function layerOf(key: LayerKey): Layer {
  return LAYER_BY_KEY.get(key)!;
}

/** How pickers and charts name a layer: its position first, so the stack order reads at a glance. */
export function layerLabel(layer: { position: number; name: string }): string {
  return `${layer.position} ${layer.name}`;
}

/** Differences between the `layers` rows in the database and the constant; empty when they agree. */
export function layerTableMismatches(rows: readonly { key: string; position: number; name: string }[]): string[] {
  const problems: string[] = [];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  for (const layer of LAYERS) {
    const row = byKey.get(layer.key);
    if (!row) problems.push(`layer "${layer.key}" is missing from the layers table`);
    else if (row.position !== layer.position || row.name !== layer.name)
      problems.push(
        `layer "${layer.key}" is (${row.position}, ${row.name}) in the database but (${layer.position}, ${layer.name}) in code`,
      );
  }
  for (const row of rows) {
    if (!isLayerKey(row.key)) problems.push(`unknown layer "${row.key}" in the layers table`);
  }
  return problems;
}
