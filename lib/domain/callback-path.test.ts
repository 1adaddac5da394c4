import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './callback-path';

const ORIGIN = 'http://a.test';

/** What a browser does to a Location value before resolving it (URL standard): drop tab/LF/CR, trim C0 and space. */
function asBrowserReadsIt(location: string): string {
  return location.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

function staysOnSite(result: string): void {
  expect(result.startsWith('/')).toBe(true);
  expect(result.startsWith('//')).toBe(false);
  expect(result.startsWith('/\\')).toBe(false);
  // Printable ASCII only: safe in a Location header (a control character there was a 500).
  expect(result).toMatch(/^[\x21-\x7e]+$/);
  expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
  expect(new URL(asBrowserReadsIt(result), ORIGIN).origin).toBe(ORIGIN);
}

describe('safeCallbackPath', () => {
  it('keeps a path on this site', () => {
    expect(safeCallbackPath('/admin/users?x=1')).toBe('/admin/users?x=1');
    expect(safeCallbackPath('http://localhost:3000/layers')).toBe('/layers');
    expect(safeCallbackPath('/companies?q=a%20b#top')).toBe('/companies?q=a%20b#top');
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

  it('reads tab, CR, LF, backslashes and edge controls the way a browser does before the same-origin check', () => {
    for (const bad of [
      '/\t/evil.example/phish',
      '/\n/evil.example/phish',
      '/\r/evil.example/phish',
      '\t//evil.example',
      ' //evil.example',
      '\u0000//evil.example',
      '\\\\evil.example',
      '\\/evil.example',
      '/\t\\evil.example',
      '/.//evil.example',
      '/\t/login',
      'http://a.test/\t/evil.example',
    ])
      staysOnSite(safeCallbackPath(bad));
    expect(safeCallbackPath('/\t/evil.example/phish')).toBe('/');
    expect(safeCallbackPath('/lay\nersx')).toBe('/layersx');
  });

  it('whatever the input, answers a same-origin path even after the browser normalises it', () => {
    const piece = fc.constantFrom(
      '/',
      '\\',
      '\t',
      '\n',
      '\r',
      ' ',
      '\u0000',
      '\u001f',
      '.',
      ':',
      '@',
      '%2F',
      '%5C',
      'evil.example',
      'http:',
      'https:',
      '?',
      '#',
      'é',
      '中',
      'login',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
        ),
        (input) => {
          staysOnSite(safeCallbackPath(input));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
