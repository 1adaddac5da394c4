import { describe, expect, it } from 'vitest';
import { guardText, unguardText } from './formula-guard';

describe('guardText', () => {
  it.each(['=1+1', '+1', '-5 dash', '@handle', "'quoted"])('prefixes %s with a quote', (value) => {
    expect(guardText(value)).toBe(`'${value}`);
  });

  it('leaves other text untouched, including a trigger that is not the first character', () => {
    expect(guardText('Nvidia')).toBe('Nvidia');
    expect(guardText('a=b')).toBe('a=b');
    expect(guardText(' =x')).toBe(' =x');
    expect(guardText('')).toBe('');
  });
});

describe('unguardText', () => {
  it('strips exactly one leading quote', () => {
    expect(unguardText("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unguardText("''quoted")).toBe("'quoted");
    expect(unguardText('plain')).toBe('plain');
    expect(unguardText("it's")).toBe("it's");
  });
});

describe('guardText then unguardText', () => {
  it.each(['=SUM(A1)', "'quoted", "''twice", '-5 dash', '@handle', '+1', '', 'plain', "it's"])('gives back %j', (value) => {
    expect(unguardText(guardText(value))).toBe(value);
  });
});
