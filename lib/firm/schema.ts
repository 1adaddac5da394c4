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

/** The logo's URL with its hash, so a changed logo is a new URL to every cache. */
export const logoUrl = (sha256: string) => `/api/v1/firm/logo?v=${sha256.slice(0, 16)}`;
