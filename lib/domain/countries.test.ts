import { describe, expect, it } from 'vitest';
import { companyInputSchema } from '../companies/schema';
import { countryProblem } from './countries';

describe('a country that is not a code says what to write', () => {
  it('accepts a code in any case, and names the code for a common mistake or a country name', () => {
    expect(countryProblem('tw')).toBeNull();
    expect(countryProblem('UK')).toBe('UK is not an ISO 3166-1 code: use GB (United Kingdom).');
    expect(countryProblem('Taiwan')).toBe('Write the two-letter code TW for Taiwan.');
    expect(countryProblem('netherlands')).toBe('Write the two-letter code NL for Netherlands.');
    expect(countryProblem('Atlantis')).toBe('Use an ISO 3166-1 alpha-2 code such as US, TW or NL.');
  });

  it('is the company schema’s message, which stores the code in capitals', () => {
    const parsed = companyInputSchema.safeParse({ name: 'Co', country: 'UK' });
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['country', 'UK is not an ISO 3166-1 code: use GB (United Kingdom).'],
    ]);
    expect(companyInputSchema.parse({ name: 'Co', country: 'gb' }).country).toBe('GB');
  });
});
