import { describe, expect, it } from 'vitest';
import { caseFold } from './case-fold';

describe('caseFold', () => {
  it("matches the contract's example SOCIÉTÉ D'AGENTS with Société d'Agents", () => {
    expect(caseFold("SOCIÉTÉ D'AGENTS")).toBe(caseFold("Société d'Agents"));
    expect(caseFold("Société d'Agents")).toBe("société d'agents");
  });

  it('matches é written as one code point or as e + a combining accent', () => {
    expect(caseFold('Socie\u0301te\u0301')).toBe(caseFold('Soci\u00e9t\u00e9'));
  });

  it('folds ß to ss, so Straße matches STRASSE and strasse', () => {
    expect(caseFold('Straße')).toBe('strasse');
    expect(caseFold('STRASSE')).toBe('strasse');
  });

  it('treats Greek final and medial sigma alike', () => {
    expect(caseFold('ΟΔΟΣ')).toBe(caseFold('οδος'));
    expect(caseFold('οδοσ')).toBe(caseFold('οδος'));
  });

  it('unifies compatibility forms such as full-width letters and ligatures', () => {
    expect(caseFold('ＮＶＤＡ')).toBe('nvda');
    expect(caseFold('ﬁnance')).toBe('finance');
  });

  it('returns NFKC-normal text', () => {
    expect(caseFold('ǰ')).toBe('ǰ'.normalize('NFKC'));
  });

  it('trims surrounding whitespace but keeps inner whitespace', () => {
    expect(caseFold('  Nvidia \t\n')).toBe('nvidia');
    expect(caseFold('Acme  Corp')).toBe('acme  corp');
  });

  it('keeps different names different', () => {
    expect(caseFold('Acme')).not.toBe(caseFold('Acne'));
    expect(caseFold('Société')).not.toBe(caseFold('Societe'));
    expect(caseFold('株式会社')).not.toBe(caseFold('株式会'));
  });
});
