import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './history';

describe('diffSnapshots', () => {
  it('lists only the fields that changed, with readable values', () => {
    const before = {
      name: 'A',
      version: 1,
      lists: ['Portfolio'],
      exposures: [{ layer: 'chips', share: '1', subLayer: null }],
      website: null,
    };
    const after = {
      name: 'A',
      version: 2,
      lists: [],
      exposures: [{ layer: 'chips', share: '0.6', subLayer: 'memory' }],
      website: 'https://a.example',
    };
    expect(diffSnapshots(before, after)).toEqual([
      { field: 'lists', before: 'Portfolio', after: '—' },
      { field: 'exposures', before: 'chips 1', after: 'chips 0.6 (memory)' },
      { field: 'website', before: '—', after: 'https://a.example' },
    ]);
  });

  it('treats a creation and a deletion as every field changing from or to nothing', () => {
    expect(diffSnapshots(null, { name: 'New' })).toEqual([{ field: 'name', before: '—', after: 'New' }]);
    expect(diffSnapshots({ name: 'Gone' }, null)).toEqual([{ field: 'name', before: 'Gone', after: '—' }]);
  });
});

describe('diffSnapshots of exposure profiles', () => {
  const chips = [{ layer: 'chips', share: '1', subLayer: null }];
  it('names each profile that changed, was added or was removed, on its own line', () => {
    const before = {
      profiles: [
        { scope: 'capex', fromYear: null, exposures: [{ layer: 'infrastructure', share: '0.9', subLayer: null }] },
        { scope: 'all', fromYear: 2020, exposures: chips },
      ],
    };
    const after = {
      profiles: [
        { scope: 'capex', fromYear: null, exposures: [{ layer: 'infrastructure', share: '0.8', subLayer: null }] },
        { scope: 'revenue', fromYear: 2024, exposures: [] },
      ],
    };
    expect(diffSnapshots(before, after)).toEqual([
      { field: 'profile capex from the beginning', before: 'infrastructure 0.9', after: 'infrastructure 0.8' },
      { field: 'profile all from 2020', before: 'chips 1', after: '—' },
      { field: 'profile revenue from 2024', before: '—', after: 'all outside' },
    ]);
  });

  it('sees no change where an older snapshot had no profiles and the company still has none', () => {
    expect(diffSnapshots({ name: 'A' }, { name: 'A', profiles: [] })).toEqual([]);
  });
});
