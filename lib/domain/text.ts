import type { z } from 'zod';

/**
 * The one rule for text the app stores (docs/data-contract.md §2): no NUL or other C0/C1 control character (tab and
 * newlines only in multi-line text), no lone surrogate, and in single-line text (names, labels, sources) no bidi
 * control that could make one string look like another. A name must also show something once invisible
 * characters are removed (an empty one is left to the schema's own minimum).
 */
export type TextKind = 'name' | 'line' | 'multiline';

const CONTROL_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /\p{Surrogate}/u;
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// Characters with no glyph of their own: zero-width space/joiners, word joiner and invisible operators, BOM,
// soft hyphen, combining grapheme joiner, Mongolian vowel separator, Hangul fillers, variation selectors.
const INVISIBLE = /[\s\u00AD\u034F\u115F\u1160\u180E\u200B-\u200D\u2060-\u2064\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;

/** What is wrong with a text of this kind, or null. */
export function textProblem(value: string, kind: TextKind): string | null {
  if (LONE_SURROGATE.test(value)) return 'Remove the broken character (a lone UTF-16 surrogate).';
  if ((kind === 'multiline' ? CONTROL_MULTILINE : CONTROL_LINE).test(value))
    return kind === 'multiline'
      ? 'Remove control characters; only tabs and line breaks are allowed.'
      : 'Remove control characters such as NUL, tabs or line breaks.';
  if (kind !== 'multiline' && BIDI_CONTROL.test(value))
    return 'Remove text-direction control characters (such as U+202E); they can disguise what the text says.';
  if (kind === 'name' && value !== '' && value.replace(INVISIBLE, '') === '') return 'Enter a name with visible characters.';
  return null;
}

/** The rule as a zod check, for `.superRefine` on a string schema. */
export function textRule(kind: TextKind) {
  return (value: string, ctx: z.RefinementCtx): void => {
    const problem = textProblem(value, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };
}
