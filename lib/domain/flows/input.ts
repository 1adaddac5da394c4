import { z } from 'zod';
import { currencySchema } from '../currencies';
import { figureText, figureValueText } from '../figures/input';
import { KINDS } from '../figures/types';
import { LAYER_KEYS, layerOf, type LayerKey } from '../layers';
import { yearSchema } from '../years';

const layerSchema = (side: 'payer' | 'payee') => z.enum(LAYER_KEYS, `The ${side} layer is one of ${LAYER_KEYS.join(', ')}.`);

/**
 * One flow as the API and the importer send it (docs/data-contract.md §9): millions of `currency` paid by the payer
 * (for its activity in the payer layer) to the payee (earned in the payee layer) in a calendar year. The value is a
 * decimal string ≥ 0 with at most 6 decimals; a JSON number is read as its text.
 */
export const flowInputSchema = z
  .object({
    payerId: z.uuid('Unknown company.'),
    payerLayer: layerSchema('payer'),
    payeeId: z.uuid('Unknown company.'),
    payeeLayer: layerSchema('payee'),
    year: yearSchema,
    kind: z.enum(KINDS, 'The kind is reported or estimate.').default('reported'),
    value: figureValueText,
    currency: currencySchema,
    source: figureText('source'),
    note: figureText('note'),
    version: z.number().int().min(1).optional(),
  })
  .refine((f) => !f.value.startsWith('-'), { path: ['value'], message: 'A flow cannot be negative.' })
  .refine((f) => f.payerId !== f.payeeId, { path: ['payeeId'], message: 'The payer and the payee must be different companies.' });
export type FlowInput = z.output<typeof flowInputSchema>;

/** What identifies a flow apart from its kind: one currency per such key (docs/data-contract.md §9). */
export type FlowLink = Pick<FlowInput, 'payerId' | 'payerLayer' | 'payeeId' | 'payeeLayer' | 'year'>;

/** The pair of companies and layers and the year: the key the choice of reported over estimate is made in. */
export function flowLinkKey(f: FlowLink): string {
  return `${f.payerId}|${f.payerLayer}|${f.payeeId}|${f.payeeLayer}|${f.year}`;
}

/** The natural key of a flow (docs/data-contract.md §9): the link and the kind. */
export function flowKey(f: FlowLink & Pick<FlowInput, 'kind'>): string {
  return `${flowLinkKey(f)}|${f.kind}`;
}

/** How a flow reads in a message: `Microsoft (execution) → CoreWeave (execution), 2024 reported`. */
export function flowLabel(
  f: Pick<FlowInput, 'payerLayer' | 'payeeLayer' | 'year' | 'kind'> & { payerLayer: LayerKey },
  names: { payer: string; payee: string },
): string {
  return `${names.payer} (${layerOf(f.payerLayer).name}) → ${names.payee} (${layerOf(f.payeeLayer).name}), ${f.year} ${f.kind}`;
}
