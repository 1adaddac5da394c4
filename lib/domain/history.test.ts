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
