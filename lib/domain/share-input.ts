import { Dec, canonicalDecimal } from './decimal';

/**
 * How the exposure editor reads what an analyst types for a layer's share. In `percent` mode (the default) "40"
 * and "40%" are 40%; in `fraction` mode "0.4" is 40%, as companies.csv reads it. A "%" sign means a percentage in
 * either mode. Exact decimals throughout: the editor's percentages become stored fractions without a float.
 */
export type ShareMode = 'percent' | 'fraction';

export type ShareReading =
  | { kind: 'empty' }
  | { kind: 'ok'; /** The share as a canonical percentage: "40", "12.5". */ percent: string }
  | { kind: 'error'; message: string };

const NUMBER = /^(\d+(\.\d*)?|\.\d+)$/;

export function readShareInput(text: string, mode: ShareMode): ShareReading {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const signed = trimmed.endsWith('%');
  const digits = signed ? trimmed.slice(0, -1).trim() : trimmed;
  if (!NUMBER.test(digits))
    return {
      kind: 'error',
      message:
        mode === 'fraction'
          ? 'Enter a fraction such as 0.4, or a percentage such as 40%.'
          : 'Enter a percentage such as 40 or 40%.',
    };
  const percent = signed || mode === 'percent' ? new Dec(digits) : new Dec(digits).times(100);
  if (percent.gt(100))
    return {
      kind: 'error',
      message: signed || mode === 'percent' ? 'A share is at most 100%.' : 'A fraction is at most 1 (100%).',
    };
  return { kind: 'ok', percent: canonicalDecimal(percent) };
}

/**
 * Marks a text that does not read as a share, when the editor keeps it among the percentages: "40" typed in
 * fraction mode is refused, and kept as is it would read as 40% to the total. Marked, no total accepts it.
 */
const UNREADABLE = '!';

/** A stored percentage ("40") as the editor shows it in `mode` ("40" or "0.4"); an unreadable text as it was typed. */
export function shareInputText(percent: string, mode: ShareMode): string {
  if (percent.startsWith(UNREADABLE)) return percent.slice(UNREADABLE.length);
  if (mode === 'percent' || !NUMBER.test(percent.trim())) return percent;
  return canonicalDecimal(new Dec(percent.trim()).div(100));
}

/**
 * What the editor keeps for a typed text: the canonical percentage when it reads, '' when empty, else the text
 * marked unreadable — which the percentages' total refuses, so a refused share can never be saved as something else.
 */
export function storedPercent(text: string, mode: ShareMode): string {
  const reading = readShareInput(text, mode);
  return reading.kind === 'ok' ? reading.percent : reading.kind === 'empty' ? '' : UNREADABLE + text;
}
