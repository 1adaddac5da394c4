import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipFiles } from './zip';

describe('zipFiles', () => {
  it('packs text and bytes under their names', () => {
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const files = unzipSync(
      zipFiles([
        { name: 'a.csv', data: 'x,y\r\n1,2\r\n' },
        { name: 'a.png', data: bytes },
      ]),
    );
    expect(strFromU8(files['a.csv']!)).toBe('x,y\r\n1,2\r\n');
    expect(files['a.png']).toEqual(bytes);
  });
});
