import { strToU8, zipSync, type Zippable } from 'fflate';

export interface PackFile {
  name: string;
  data: Uint8Array | string;
}

/** Files into one ZIP archive; PNGs are stored as they are (already compressed), text is deflated. */
export function zipFiles(files: readonly PackFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const { name, data } of files)
    entries[name] = typeof data === 'string' ? [strToU8(data), { level: 6 }] : [data, { level: 0 }];
  return zipSync(entries);
}
