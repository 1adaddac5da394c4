import { describe, expect, it } from 'vitest';
import { RuleError } from '../errors';
import { GIF_LOGO, makeJpeg, makePng, SVG_LOGO } from '../testing/images';
import { checkLogo } from './logo';
import { LOGO_MAX_BYTES } from './schema';

/** The refusal's reason, after checking that it names the field `logo`. */
function refusal(declaredType: string | null, bytes: Uint8Array): string {
  try {
    checkLogo({ declaredType, bytes });
  } catch (error) {
    expect(error).toBeInstanceOf(RuleError);
    const { issues, message } = error as RuleError;
    expect(issues).toEqual([{ path: ['logo'], message }]);
    return message;
  }
  throw new Error('The logo was accepted.');
}

describe('checkLogo', () => {
  it('accepts a real PNG and a real JPEG, with their type and size', () => {
    const png = makePng(40, 12);
    expect(checkLogo({ declaredType: 'image/png', bytes: png })).toEqual({
      mime: 'image/png',
      bytes: png,
      width: 40,
      height: 12,
    });
    const jpg = makeJpeg(33, 17);
    expect(checkLogo({ declaredType: 'image/jpeg', bytes: jpg })).toMatchObject({ mime: 'image/jpeg', width: 33, height: 17 });
  });

  it('reads the declared type case-insensitively and without its parameters', () => {
    expect(checkLogo({ declaredType: 'Image/PNG; charset=binary', bytes: makePng(2, 2) }).mime).toBe('image/png');
  });

  it('accepts 2,000 pixels on a side, not one more', () => {
    expect(checkLogo({ declaredType: 'image/png', bytes: makePng(2000, 1) }).width).toBe(2000);
    expect(checkLogo({ declaredType: 'image/jpeg', bytes: makeJpeg(1, 2000) }).height).toBe(2000);
    expect(refusal('image/png', makePng(2001, 1))).toBe('The logo is 2,001 × 1 pixels; a logo can be at most 2,000 × 2,000.');
  });

  it('refuses a 3,000-pixel PNG or JPEG', () => {
    expect(refusal('image/png', makePng(3000, 10))).toContain('3,000 × 10 pixels');
    expect(refusal('image/jpeg', makeJpeg(10, 3000))).toContain('10 × 3,000 pixels');
  });

  it('refuses an SVG, whatever type it is declared as', () => {
    expect(refusal('image/svg+xml', SVG_LOGO)).toBe('SVG logos are not accepted: send a PNG or JPEG.');
    expect(refusal('image/png', SVG_LOGO)).toBe('The logo is declared as PNG but its content is SVG.');
  });

  it('refuses a GIF', () => {
    expect(refusal('image/gif', GIF_LOGO)).toBe('A logo of type image/gif is not accepted: send a PNG or JPEG.');
    expect(refusal('image/png', GIF_LOGO)).toBe('The logo is declared as PNG but its content is GIF.');
  });

  it('refuses a PNG renamed .jpg (declared JPEG) and a JPEG declared PNG', () => {
    expect(refusal('image/jpeg', makePng(4, 4))).toBe('The logo is declared as JPEG but its content is PNG.');
    expect(refusal('image/png', makeJpeg(4, 4))).toBe('The logo is declared as PNG but its content is JPEG.');
  });

  it('refuses a truncated PNG or JPEG: the whole image must decode', () => {
    const png = makePng(64, 64);
    expect(refusal('image/png', png.subarray(0, png.length - 20))).toBe(
      'The logo does not decode as a PNG: the file is damaged or cut short.',
    );
    const jpg = makeJpeg(64, 64);
    expect(refusal('image/jpeg', jpg.subarray(0, Math.floor(jpg.length * 0.8)))).toBe(
      'The logo does not decode as a JPEG: the file is damaged or cut short.',
    );
  });

  it('refuses a PNG whose image data was damaged', () => {
    const png = makePng(64, 64);
    png[60] = png[60]! ^ 0xff; // inside IDAT: its checksum no longer matches
    expect(refusal('image/png', png)).toContain('does not decode as a PNG');
  });

  it('refuses a JPEG that is only its first bytes', () => {
    expect(refusal('image/jpeg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(
      'The logo does not decode as a JPEG: its header is damaged.',
    );
  });

  it('refuses a 5 MB file before looking at it, and one byte over 1 MB', () => {
    expect(refusal('image/png', new Uint8Array(5 * 1024 * 1024))).toBe('The logo is 5 MB; a logo can be at most 1 MB.');
    const justOver = new Uint8Array(LOGO_MAX_BYTES + 1);
    justOver.set(makePng(2, 2));
    expect(refusal('image/png', justOver)).toContain('a logo can be at most 1 MB');
  });

  it('refuses an empty file, a missing type and a form upload', () => {
    expect(refusal('image/png', new Uint8Array())).toBe('The logo file is empty.');
    expect(refusal(null, makePng(2, 2))).toContain('Content-Type image/png or image/jpeg');
    expect(refusal('multipart/form-data; boundary=x', makePng(2, 2))).toContain('not a form upload');
  });
});
