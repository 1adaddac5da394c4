/**
 * Draws the Stacklens mark (six bars in the layer colours, Application on top) as app/icon.svg and app/favicon.ico
 * (a 32 × 32 PNG inside an ICO container, which every browser reads). Run after a layer colour changes:
 *   npx tsx scripts/make-favicon.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { LAYERS } from '../lib/domain/layers';

const SIZE = 32;
const BAR = 4;
const GAP = 1;
const top = (SIZE - LAYERS.length * BAR - (LAYERS.length - 1) * GAP) / 2;
const bars = [...LAYERS]
  .reverse()
  .map((l, i) => `<rect x="3" y="${top + i * (BAR + GAP)}" width="26" height="${BAR}" rx="1" fill="${l.colour}"/>`);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}">${bars.join('')}</svg>\n`;

const png = new Resvg(svg).render().asPng();
// ICONDIR (6 bytes) and one ICONDIRENTRY (16 bytes), then the PNG itself.
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(SIZE, 6);
header.writeUInt8(SIZE, 7);
header.writeUInt8(0, 8); // no palette
header.writeUInt8(0, 9); // reserved
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(png.length, 14);
header.writeUInt32LE(header.length, 18);

const app = path.join(import.meta.dirname, '..', 'app');
writeFileSync(path.join(app, 'icon.svg'), svg);
writeFileSync(path.join(app, 'favicon.ico'), Buffer.concat([header, png]));
console.log(`Wrote app/icon.svg and app/favicon.ico (${png.length + header.length} bytes).`);
