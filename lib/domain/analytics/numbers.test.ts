import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal';
import { money, ratio, ratioOver } from './numbers';

describe('money', () => {
  it('rounds USD millions to 6 decimals, half to even', () => {
    expect(money(new Dec('0.0000005'))).toBe(0);
    expect(money(new Dec('0.0000015'))).toBe(0.000002);
    expect(money(new Dec('0.0000025'))).toBe(0.000002);
    expect(money(new Dec('0.00000250000001'))).toBe(0.000003);
    expect(money(new Dec('1234.5678905'))).toBe(1234.56789);
    expect(money(new Dec('-1.0000035'))).toBe(-1.000004);
    expect(money(new Dec('2116.666666666666666666666666666666666667'))).toBe(2116.666667);
  });

  it('gives 0, not -0, for a negative value that rounds to zero', () => {
    expect(Object.is(money(new Dec('-0.0000005')), 0)).toBe(true);
  });
});

describe('ratio', () => {
  it('is the nearest JS number, unrounded', () => {
    expect(ratio(new Dec(4).div(7))).toBe(4 / 7);
    expect(ratio(new Dec('0.125'))).toBe(0.125);
    expect(ratio(new Dec('-0.25'))).toBe(-0.25);
  });

  it('gives 0, not -0', () => {
    expect(Object.is(ratio(new Dec('-0')), 0)).toBe(true);
  });
});

describe('ratioOver', () => {
  it('divides exactly, then converts', () => {
    expect(ratioOver(new Dec(1), new Dec(3))).toBe(1 / 3);
    expect(ratioOver(new Dec(-50), new Dec(200))).toBe(-0.25);
    expect(ratioOver(new Dec(0), new Dec(5))).toBe(0);
  });

  it('is null, never NaN or Infinity, when the denominator is 0 or negative', () => {
    expect(ratioOver(new Dec(1), new Dec(0))).toBeNull();
    expect(ratioOver(new Dec(0), new Dec(0))).toBeNull();
    expect(ratioOver(new Dec(1), new Dec(-2))).toBeNull();
  });
});
