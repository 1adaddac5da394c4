import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { flatSearch, parseSearchLeniently } from './search-params';

const schema = z.object({
  year: z.coerce.number().int().min(1990).optional(),
  sort: z.enum(['name', 'value']).default('name'),
});

describe('search params', () => {
  it('keep the first value of a repeated key and drop blanks', () => {
    expect(flatSearch({ year: ['2024', '2023'], sort: '', q: undefined })).toEqual({ year: '2024' });
    expect(flatSearch(new URLSearchParams('year=2024&year=2023&sort='))).toEqual({ year: '2024' });
  });

  it('parse leniently: a refused value falls back to its default, the rest is kept', () => {
    expect(parseSearchLeniently(schema, { year: '2024', sort: 'value' })).toEqual({ year: 2024, sort: 'value' });
    expect(parseSearchLeniently(schema, { year: 'soon', sort: 'value' })).toEqual({ sort: 'value' });
    expect(parseSearchLeniently(schema, { year: '2024', sort: 'size' })).toEqual({ year: 2024, sort: 'name' });
  });
});
