import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './callback-path';

describe('safeCallbackPath', () => {
  it('keeps a path on this site', () => {
    expect(safeCallbackPath('/admin/users?x=1')).toBe('/admin/users?x=1');
    expect(safeCallbackPath('http://localhost:3000/layers')).toBe('/layers');
  });

  it('never sends the user to another origin or back to /login', () => {
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      'evil.example',
      'javascript:alert(1)',
      '/login?callbackUrl=/x',
      undefined,
    ])
      expect(safeCallbackPath(bad)).toBe('/');
  });
});
