import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { RuleError } from '../errors';
import { LOGO_MAX_SIDE, logoFileProblem, logoTypeOf, type LogoType, type LogoUpload } from './schema';

/**
 * The logo rule (docs/data-contract.md §7, firm): a PNG or JPEG of at most 1 MB and 2,000 × 2,000 pixels, whose
 * declared type, first bytes and whole decoding agree. Pure: the data layer calls it before storing anything, and
 * every refusal is a RuleError on the field `logo` with the reason.
 */
export interface CheckedLogo {
  mime: LogoType;
  bytes: Uint8Array;
  width: number;
  height: number;
}

const TYPE_NAMES: Record<LogoType, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

const refuse = (message: string): never => {
  throw new RuleError(message, [{ path: ['logo'], message }]);
};

export function checkLogo({ declaredType, bytes }: LogoUpload): CheckedLogo {
  const problem = logoFileProblem(declaredType, bytes.byteLength);
  const mime = logoTypeOf(declaredType);
  if (problem !== null || mime === null) return refuse(problem ?? 'Send a PNG or JPEG.');
  const found = sniff(bytes);
  if (found !== TYPE_NAMES[mime])
    refuse(`The logo is declared as ${TYPE_NAMES[mime]} but its content is ${found ?? 'neither PNG nor JPEG'}.`);
  const size = mime === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size) return refuse(`The logo does not decode as a ${TYPE_NAMES[mime]}: its header is damaged.`);
  if (size.width > LOGO_MAX_SIDE || size.height > LOGO_MAX_SIDE)
    refuse(
      `The logo is ${size.width.toLocaleString('en-US')} × ${size.height.toLocaleString('en-US')} pixels; a logo can be at most ${LOGO_MAX_SIDE.toLocaleString('en-US')} × ${LOGO_MAX_SIDE.toLocaleString('en-US')}.`,
    );
  // The sides are checked from the header first, so no oversized image is ever decoded.
  const decoded = decodes(mime, bytes);
  if (!decoded || decoded.width !== size.width || decoded.height !== size.height)
    refuse(`The logo does not decode as a ${TYPE_NAMES[mime]}: the file is damaged or cut short.`);
  return { mime, bytes, ...size };
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** What the first bytes say the file is, by name, for the usual image types; null for anything else. */
function sniff(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return TYPE_NAMES['image/png'];
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return TYPE_NAMES['image/jpeg'];
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'GIF';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46])) return 'WebP';
  if (new TextDecoder().decode(bytes.subarray(0, 1024)).toLowerCase().includes('<svg')) return 'SVG';
  return null;
}

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;

/** A PNG's size from its first chunk, which must be IHDR. */
function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.byteLength < 24 || new TextDecoder().decode(b.subarray(12, 16)) !== 'IHDR') return null;
  return { width: u32(b, 16), height: u32(b, 20) };
}

/** A JPEG's size from its start-of-frame segment, found by walking the segments before it. */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < b.byteLength) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: u16(b, at + 5), width: u16(b, at + 7) };
    at += 2 + u16(b, at + 2);
  }
  return null;
}

/** The whole image decoded, strictly (no tolerance for missing data), or null when it does not decode. */
function decodes(mime: LogoType, bytes: Uint8Array): { width: number; height: number } | null {
  try {
    if (mime === 'image/png') return PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return jpeg.decode(bytes, {
      useTArray: true,
      tolerantDecoding: false,
      maxResolutionInMP: (LOGO_MAX_SIDE * LOGO_MAX_SIDE) / 1e6,
      maxMemoryUsageInMB: 128,
    });
  } catch {
    return null;
  }
}
