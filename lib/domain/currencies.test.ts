import { describe, expect, it } from 'vitest';
import { currencySchema, isCurrency } from './currencies';

describe('currency codes', () => {
  it('accepts ISO 4217 codes, trimmed and upper-cased', () => {
    expect(currencySchema.parse(' twd ')).toBe('TWD');
    expect(isCurrency('USD')).toBe(true);
  });

  it('refuses what is not a code, naming examples', () => {
    const result = currencySchema.safeParse('DOLLARS');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Use an ISO 4217 currency code such as USD, EUR or TWD.');
    expect(isCurrency('usd')).toBe(false);
  });
});
