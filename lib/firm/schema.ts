import { z } from 'zod';

/** The longest firm name: it has to fit a title slide and a footer line. */
export const FIRM_NAME_MAX = 120;

/** What a logo may be (docs/data-contract.md §7, firm): a PNG or JPEG of at most 1 MB and 2,000 × 2,000 pixels. */
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];
export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_MAX_SIDE = 2000;
/** The same limits as the file picker's `accept` and the form's hint say them. */
export const LOGO_ACCEPT = LOGO_TYPES.join(',');
export const LOGO_LIMITS_TEXT = 'PNG or JPEG, at most 1 MB and 2,000 × 2,000 pixels';

const logoTypeSchema = z.enum(LOGO_TYPES);

/** A declared Content-Type (parameters and case ignored) as an accepted logo type; null for anything else. */
export function logoTypeOf(declaredType: string | null): LogoType | null {
  const parsed = logoTypeSchema.safeParse(mediaType(declaredType));
  return parsed.success ? parsed.data : null;
}

const mediaType = (declaredType: string | null) => declaredType?.split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * What is wrong with a logo file by its declared type and size alone, before its bytes are read; null when
 * nothing is. The file picker asks first, so no 5 MB file is sent; the server's full check (lib/firm/logo.ts)
 * starts with the same question.
 */
export function logoFileProblem(declaredType: string | null, size: number): string | null {
  if (size === 0) return 'The logo file is empty.';
  if (size > LOGO_MAX_BYTES) return `The logo is ${megabytes(size)}; a logo can be at most ${megabytes(LOGO_MAX_BYTES)}.`;
  if (logoTypeOf(declaredType)) return null;
  const type = mediaType(declaredType);
  if (type === '') return 'Say what the logo is: send it with Content-Type image/png or image/jpeg.';
  if (type === 'image/svg+xml') return 'SVG logos are not accepted: send a PNG or JPEG.';
  if (type.startsWith('multipart/'))
    return 'Send the image itself as the request body with Content-Type image/png or image/jpeg, not a form upload.';
  return `A logo of type ${type} is not accepted: send a PNG or JPEG.`;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** The firm's name: trimmed, 1–120 characters; empty clears it (stored as none). */
export const firmNameSchema = z
  .string('Give the firm name as text.')
  .trim()
  .max(FIRM_NAME_MAX, `The firm name can be at most ${FIRM_NAME_MAX} characters.`)
  .transform((name) => (name === '' ? null : name));

/** PUT /api/v1/firm and the admin form: `{ name }`, where "" clears it. */
export const setFirmNameSchema = z.strictObject({ name: firmNameSchema });
export type SetFirmNameInput = z.output<typeof setFirmNameSchema>;

/** A logo as it arrived: the type its sender declared (a Content-Type) and its bytes, not yet checked. */
export interface LogoUpload {
  declaredType: string | null;
  bytes: Uint8Array;
}

/** What is known of a stored logo, without its bytes. */
export interface LogoMeta {
  mime: LogoType;
  size: number;
  width: number;
  height: number;
  /** SHA-256 of the bytes, hex: the logo's ETag. */
  sha256: string;
  /** Where the image is served: GET /api/v1/firm/logo, versioned by its hash. */
  url: string;
}

/** GET /api/v1/firm. */
export interface FirmView {
  name: string | null;
  logo: LogoMeta | null;
  /** When and by whom the mark was last changed; null when it was never set. */
  updatedAt: string | null;
  updatedBy: string | null;
}

/** What an export puts on a title slide or in a footer: the name and the logo itself, ready to embed. */
export interface FirmMark {
  name: string | null;
  logo: { dataUrl: string; mime: LogoType; width: number; height: number } | null;
}

/** The logo's version in its URL: the start of its hash, so a changed logo is a new URL to every cache. */
export const logoVersion = (sha256: string) => sha256.slice(0, 16);
export const logoUrl = (sha256: string) => `/api/v1/firm/logo?v=${logoVersion(sha256)}`;
