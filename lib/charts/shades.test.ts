import { describe, expect, it } from 'vitest';
import { LAYERS } from '../domain/layers';
import { LAYER_POOL_SEGMENTS, segmentOpacity } from './layer-pools';
import { PALETTE } from './palette';
import { AA_TEXT, contrastRatio, onWhite, readableOnWhite, shade, textOn, tint } from './shades';

describe('contrastRatio', () => {
  it('computes the WCAG ratio, in either order', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // Two colours the issue measured as text on white.
    expect(contrastRatio('#56B4E9', '#ffffff')).toBeCloseTo(2.31, 2);
    expect(contrastRatio('#ffffff', '#E69F00')).toBeCloseTo(2.25, 2);
  });
});

describe('tint, shade and onWhite', () => {
  it('mixes with white or black', () => {
    expect(tint('#0072b2', 0)).toBe('#0072b2');
    expect(tint('#0072b2', 1)).toBe('#ffffff');
    expect(shade('#0072b2', 1)).toBe('#000000');
    expect(shade('#804020', 0.5)).toBe('#402010');
    expect(onWhite('#000000', 0.25)).toBe(tint('#000000', 0.75));
  });
});

describe('layer colours as text', () => {
  it.each(LAYERS.map((l) => [l.name, l.colour] as const))('%s: its darker shade for text reads on white at AA', (_, colour) => {
    expect(contrastRatio(readableOnWhite(colour), PALETTE.white)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('keeps a colour that already reads, and darkens one that does not only as far as needed', () => {
    expect(readableOnWhite('#1a1f2b')).toBe('#1a1f2b');
    const chips = readableOnWhite('#56B4E9');
    expect(contrastRatio(chips, PALETTE.white)).toBeLessThan(AA_TEXT + 0.5);
  });
});

describe('label text inside a mark', () => {
  // Every fill a label can sit on: each layer colour at each fade of a layer-pools bar, and the grey of a partial layer.
  const fills = [
    ...LAYERS.flatMap((l) => LAYER_POOL_SEGMENTS.map((_, rank) => onWhite(l.colour, segmentOpacity(rank)))),
    PALETTE.greyed,
    PALETTE.placeholder,
  ];
  it.each(fills)('white or dark text on %s reaches AA', (fill) => {
    expect(contrastRatio(textOn(fill), fill)).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('picks white on a dark fill and dark text on a light one', () => {
    expect(textOn('#0072B2')).toBe(PALETTE.white);
    expect(textOn('#56B4E9')).toBe(PALETTE.text);
  });
});
