/**
 * Thousands separators in an imported file's money column. "1,200" is 1200 in a file that writes decimals with a
 * dot, and 1.2 in one that writes them with a comma; a single value cannot say which, so the whole column decides.
 */

/** A comma between every group of three digits, with an optional dot decimal part: 1,200 · 12,345,678.5 */
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** A value only a dot-decimal file writes: a dot decimal part, or two thousands separators (1,200,000). */
const DOT_DECIMALS = /^-?(\d+\.\d+|\d{1,3}(,\d{3}){2,}(\.\d+)?|\d{1,3}(,\d{3})+\.\d+)$/;
/** A value only a comma-decimal file writes: one comma not followed by exactly three digits (1,5 · 12,3456). */
const COMMA_DECIMALS = /^-?\d+,(\d{1,2}|\d{4,})$/;

/**
 * Reads one money column row by row, as an import streams it: a grouped value is read without its separators at
 * once, and `problems()` at the end refuses those the whole column shows to be ambiguous.
 */
export class ThousandsColumn {
  private dotDecimals = false;
  private commaDecimals = false;
  private readonly grouped: { line: number; value: string }[] = [];

  /** The text for the value rules: a grouped value without its separators, anything else as it is. */
  read(line: number, raw: string): string {
    const value = raw.trim();
    this.commaDecimals ||= COMMA_DECIMALS.test(value);
    this.dotDecimals ||= DOT_DECIMALS.test(value);
    if (!GROUPED.test(value)) return value;
    this.grouped.push({ line, value });
    return value.replaceAll(',', '');
  }

  /** The grouped values that were read as thousands but could be decimals, each with its line and reason. */
  problems(): { line: number; message: string }[] {
    if (this.dotDecimals && !this.commaDecimals) return [];
    return this.grouped.map(({ line, value }) => {
      const plain = value.replaceAll(',', '');
      return {
        line,
        message: this.commaDecimals
          ? `${value} is ambiguous: this file also writes decimals with a comma. Write ${plain} without thousands separators, or decimals with a dot.`
          : `${value} could be ${plain} or, with a decimal comma, ${value.replace(',', '.')}: no value in this file writes decimals with a dot. Write ${plain} without thousands separators.`,
      };
    });
  }
}
