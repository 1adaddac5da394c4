import 'server-only';
import { COUNTRY_CODES, countryName } from '../domain/countries';

/** Countries for pickers, by English name. */
export const COUNTRY_OPTIONS = COUNTRY_CODES.map((code) => ({ code, name: countryName(code) })).sort((a, b) =>
  a.name.localeCompare(b.name),
);
