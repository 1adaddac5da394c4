import { queryOptions } from '@tanstack/react-query';
import type { FirmMark, FirmView } from '../firm/schema';
import { fetchAnswer } from './fetch-answer';

/**
 * The firm's mark as an export embeds it, in the browser (docs/data-contract.md §7, firm): the name, and the logo
 * read into a data URL, which pptxgenjs and an SVG footer both take. `firmMark` in lib/dal/firm.ts is the same on
 * the server.
 */
export const firmMarkQuery = queryOptions({
  queryKey: ['firm', 'mark'],
  queryFn: async (): Promise<FirmMark> => {
    const firm = await fetchAnswer<FirmView>('/api/v1/firm');
    if (!firm.logo) return { name: firm.name, logo: null };
    const response = await fetch(firm.logo.url);
    if (!response.ok) throw new Error(`The logo could not be read: the server answered ${response.status}.`);
    const { mime, width, height } = firm.logo;
    const dataUrl = `data:${mime};base64,${base64(new Uint8Array(await response.arrayBuffer()))}`;
    return { name: firm.name, logo: { dataUrl, mime, width, height } };
  },
});

/** Bytes as base64, in slices, since one call of String.fromCharCode takes only so many arguments. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** The outcome of a logo upload or removal: the firm as stored after it, or the API's reason. */
export type LogoChange = { ok: true; firm: FirmView } | { ok: false; message: string };

/** POSTs a file to /api/v1/firm/logo as the raw body with its own type, or DELETEs the logo when `file` is null. */
export async function changeFirmLogo(file: File | null): Promise<LogoChange> {
  let response: Response;
  try {
    response = await fetch('/api/v1/firm/logo', {
      method: file ? 'POST' : 'DELETE',
      headers: { Accept: 'application/json', ...(file ? { 'Content-Type': file.type } : {}) },
      body: file ?? undefined,
    });
  } catch {
    return { ok: false, message: 'Stacklens could not be reached. Check your connection and try again; nothing was changed.' };
  }
  const body = (await response.json().catch(() => null)) as
    FirmView | { error?: { message?: string; issues?: { message: string }[] } } | null;
  if (response.ok && body && 'logo' in body) return { ok: true, firm: body };
  const error = body && 'error' in body ? body.error : undefined;
  return {
    ok: false,
    message:
      error?.issues?.[0]?.message ?? error?.message ?? `Stacklens answered with status ${response.status}. Nothing was changed.`,
  };
}
