/**
 * Spreadsheet formula-injection guard for text cells (docs/data-contract.md §6). Export prefixes a text that starts with
 * `=`, `+`, `-`, `@` or `'` with one `'`; import strips one leading `'`. Because `'` is itself a trigger, a
 * text that really starts with `'` is written as `''…` and so survives the round trip.
 */
const TRIGGERS = new Set(['=', '+', '-', '@', "'"]);

export function guardText(value: string): string {
  return TRIGGERS.has(value.charAt(0)) ? `'${value}` : value;
}

export function unguardText(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}
