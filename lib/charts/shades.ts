import { PALETTE } from './palette';

/** Colour helpers: shades of one colour, and which text reads on a fill (WCAG 2 contrast). */

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const toHex = (values: readonly number[]) => `#${values.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** `hex` (#rrggbb) mixed with white: 0 is the colour itself, 1 is white. */
export function tint(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => c + (255 - c) * amount));
}

/** `hex` mixed with black: 0 is the colour itself, 1 is black. */
export function shade(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => c * (1 - amount)));
}

/** What a fill drawn at `opacity` on white looks like: the colour a label inside it sits on. */
export function onWhite(hex: string, opacity: number): string {
  return tint(hex, 1 - opacity);
}

/** WCAG relative luminance. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for text of normal size. */
export const AA_TEXT = 4.5;

/**
 * The text colour with more contrast on `fill`: white or the page's dark text. A mid-tone where both fall under
 * AA (the page's text is not quite black) gets black, which reaches at least 4.58:1 on any colour.
 */
export function textOn(fill: string): string {
  const best = [PALETTE.white, PALETTE.text].reduce((a, b) => (contrastRatio(b, fill) > contrastRatio(a, fill) ? b : a));
  return contrastRatio(best, fill) >= AA_TEXT ? best : '#000000';
}

/**
 * `hex` darkened just enough to be read as text on white (AA, with a little margin for rounding to whole channels):
 * the colours stay on marks, their darker shade names them in legends and labels.
 */
export function readableOnWhite(hex: string): string {
  for (let amount = 0; amount < 1; amount += 0.02) {
    const candidate = shade(hex, amount);
    if (contrastRatio(candidate, PALETTE.white) >= AA_TEXT + 0.1) return candidate;
  }
  return '#000000';
}
