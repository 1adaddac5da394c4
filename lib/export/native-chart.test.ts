import { describe, expect, it } from 'vitest';
import { usdAxis } from '../charts/usd-axis';
import { usdValueAxis } from './native-chart';

describe('usdValueAxis', () => {
  it('keeps USD millions in the data and reads them in the card’s unit, with the decimals its ticks need', () => {
    // $M: no division; ticks 0, 20 … 100.
    expect(usdValueAxis(usdAxis([90]), 'Revenue')).toEqual({
      title: 'Revenue ($M)',
      format: '#,##0',
      min: 0,
      max: 100,
      step: 20,
    });
    // $B: one comma divides by 1,000; ticks 0, 0.5 … 2.5 need one decimal.
    expect(usdValueAxis(usdAxis([2_400]), 'Revenue')).toMatchObject({ title: 'Revenue ($B)', format: '#,##0.0,', step: 500 });
    // $T: two commas; ticks 0, 0.25 … 1.25 need two.
    expect(usdValueAxis(usdAxis([1_200_000]), 'Revenue')).toMatchObject({ title: 'Revenue ($T)', format: '#,##0.00,,' });
  });

  it('reaches below zero when the values do', () => {
    expect(usdValueAxis(usdAxis([-300, 2_100]), 'Revenue')).toMatchObject({ min: -1_000, max: 3_000, step: 1_000 });
  });
});
