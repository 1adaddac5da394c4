import { describe, expect, it } from 'vitest';
import { caseFold } from './case-fold';
import { closestName } from './closest-name';

const names = ['Orbit Compute', 'Orbital Energy', 'NVIDIA', 'Taiwan Semiconductor'].map((name) => ({
  key: caseFold(name),
  name,
}));

describe('closestName suggests the known name a slip away', () => {
  it('finds a typo, a missing letter or a case difference', () => {
    expect(closestName('Orbit Compte', names)).toBe('Orbit Compute');
    expect(closestName('orbit  compute', names)).toBe('Orbit Compute');
    expect(closestName('NVDIA', names)).toBe('NVIDIA');
    expect(closestName('Taiwan Semiconductors', names)).toBe('Taiwan Semiconductor');
  });

  it('suggests nothing when no name is close, rather than a wrong company', () => {
    expect(closestName('Acme', names)).toBeNull();
    expect(closestName('Orbit', names)).toBeNull();
    expect(closestName('AMD', names)).toBeNull();
  });
});
