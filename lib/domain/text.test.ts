import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textProblem } from './text';

describe('the stored-text rule (docs/data-contract.md §2)', () => {
  it.each([
    ['Nvidia', 'name'],
    ['Société Générale', 'name'],
    ['台積電', 'name'],
    ['شركة', 'name'],
    ['one\n\ttwo\r\nthree', 'multiline'],
    ['family 👨‍👩‍👧', 'line'],
  ] as const)('accepts %j as %s', (value, kind) => {
    expect(textProblem(value, kind)).toBeNull();
  });

  it.each([
    ['Nul\u0000Co', 'name', /control/],
    ['tab\tin a name', 'name', /control/],
    ['bell\u0007', 'multiline', /control/],
    ['C1\u0085', 'multiline', /control/],
    ['RT \u202Egnp.exe', 'name', /direction/],
    ['isolate\u2066x\u2069', 'line', /direction/],
    ['mark\u200F', 'name', /direction/],
    ['arabic mark\u061C', 'line', /direction/],
    ['\u200B\u200C\u200D\uFEFF', 'name', /visible/],
    ['\u00AD\u2060 ', 'name', /visible/],
    ['Half \uD800 Co', 'name', /surrogate/],
    ['\uDC00', 'multiline', /surrogate/],
  ] as const)('refuses %j as %s', (value, kind, message) => {
    expect(textProblem(value, kind)).toMatch(message);
  });

  it('accepts every well-formed text of printable characters, in every kind', () => {
    const printable = fc
      .string({ unit: 'grapheme', minLength: 1 })
      .filter((s) => /^[\p{L}\p{N}\p{P}][\p{L}\p{N}\p{P} ]*$/u.test(s));
    fc.assert(
      fc.property(printable, (s) => {
        for (const kind of ['name', 'line', 'multiline'] as const) expect(textProblem(s, kind)).toBeNull();
      }),
    );
  });

  it('refuses any text holding a NUL, a lone surrogate or a bidi override, wherever it sits', () => {
    const bad = fc.constantFrom('\u0000', '\uD83D', '\uDE00', '\u001B', '\u007F');
    fc.assert(
      fc.property(fc.string(), bad, fc.string(), fc.constantFrom('name', 'line', 'multiline' as const), (a, c, b, kind) => {
        expect(textProblem(a + c + b, kind)).not.toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('\u202A', '\u202E', '\u2067', '\u200E'), fc.string(), (a, c, b) => {
        expect(textProblem(a + c + b, 'name')).not.toBeNull();
      }),
    );
  });

  it('refuses any name made only of invisible characters and spaces', () => {
    const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', ' ', '\u3164');
    fc.assert(
      fc.property(fc.array(invisible, { minLength: 1 }), (chars) => {
        expect(textProblem(chars.join(''), 'name')).toMatch(/visible/);
      }),
    );
  });
});
