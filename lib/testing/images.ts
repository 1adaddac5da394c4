import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** Real images made in the test: a PNG or a JPEG of the given size, filled with a gradient. */
function pixels(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([(i >> 2) % 256, (i >> 4) % 256, 128, 255], i);
  return data;
}

export function makePng(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  pixels(width, height).copy(png.data);
  return new Uint8Array(PNG.sync.write(png));
}

export function makeJpeg(width: number, height: number): Uint8Array {
  return new Uint8Array(jpeg.encode({ width, height, data: pixels(width, height) }, 85).data);
}

export const SVG_LOGO = new TextEncoder().encode(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
);

/** A one-pixel GIF89a. */
export const GIF_LOGO = Uint8Array.from(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));
