import { describe, expect, it } from 'vitest';
import { companyFormSchema, companyInputSchema, companyPatchSchema, exposureProblems } from './schema';

const percentages = { infrastructure: '', chips: '60', data: '', models: '40', execution: '', application: '', outside: '' };

describe('companyInputSchema', () => {
  it('normalises a new company and fills in the defaults', () => {
    expect(companyInputSchema.parse({ name: '  Split Co ', ticker: ' ', country: 'nl', currency: 'eur' })).toEqual({
      name: 'Split Co',
      ticker: null,
      country: 'NL',
      status: 'public',
      fiscalYearEndMonth: 12,
      currency: 'EUR',
      website: null,
      description: null,
      lists: [],
      exposures: [],
      profiles: [],
    });
  });

  it('refuses shares above 1 in total and a layer given twice', () => {
    const twice = companyInputSchema.safeParse({
      name: 'Twice',
      exposures: [
        { layer: 'chips', share: '0.5' },
        { layer: 'chips', share: '0.2' },
      ],
    });
    expect(twice.error?.issues.map((i) => i.message)).toEqual(['chips appears twice.']);
    const tooMuch = companyInputSchema.safeParse({
      name: 'Too much',
      exposures: [
        { layer: 'chips', share: '0.7' },
        { layer: 'data', share: '0.4' },
      ],
    });
    expect(tooMuch.error?.issues).toMatchObject([{ path: ['exposures'], message: expect.stringContaining('sum to 1.1') }]);
  });
});

describe('companyPatchSchema', () => {
  it('keeps only the fields it names: no defaults, no nulls for absent text', () => {
    expect(companyPatchSchema.parse({ version: 3, country: 'us' })).toEqual({ version: 3, country: 'US' });
  });

  it('checks named fields like a full write, and refuses unknown ones', () => {
    expect(companyPatchSchema.safeParse({ version: 2, fiscalYearEndMonth: 13 }).error?.issues[0]?.message).toBe(
      'Enter a month from 1 to 12.',
    );
    expect(companyPatchSchema.safeParse({ version: 2, colour: 'red' }).success).toBe(false);
    // No version parses: the data layer answers it with a conflict that carries the stored company.
    expect(companyPatchSchema.parse({ country: 'US' })).toEqual({ country: 'US' });
    expect(companyPatchSchema.safeParse({ version: 'two' }).error?.issues.map((i) => i.path)).toEqual([['version']]);
  });
});

describe('companyFormSchema', () => {
  it('reports field problems under the field name the form shows them at', () => {
    const result = companyFormSchema.safeParse({ name: ' ', currency: 'XYZ', percentages });
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(['name', 'currency']);
  });

  it('trims sub-layer labels and turns a blank one into none', () => {
    const form = companyFormSchema.parse({ name: 'Labelled', percentages, subLayers: { chips: ' memory ', models: ' ' } });
    expect(form.subLayers).toEqual({ chips: 'memory', models: null });
  });
});

describe('exposureProblems', () => {
  it('is empty for shares that fit in the stack', () => {
    expect(
      exposureProblems([
        { layer: 'chips', share: '0.6', subLayer: null },
        { layer: 'models', share: '0.4', subLayer: null },
      ]),
    ).toEqual([]);
  });

  it('names a single share just above 1', () => {
    expect(exposureProblems([{ layer: 'chips', share: '1.000001', subLayer: null }])).toEqual([
      { path: ['exposures'], message: expect.stringContaining('more than 1') },
    ]);
  });
});
