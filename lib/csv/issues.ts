import { CsvRejectedError, MAX_CSV_ISSUES, type CsvIssue } from '../errors';

/**
 * The problems of one import, in bounded memory: it counts every issue but keeps only the MAX_CSV_ISSUES with the
 * earliest lines (ties in the order they were found), which is what a rejected import lists
 * (docs/data-contract.md §6). A file of a million bad rows so holds a thousand issues, not a million.
 */
export class CsvIssues {
  private kept: CsvIssue[] = [];
  private total = 0;

  add(issue: CsvIssue): void {
    this.total++;
    this.kept.push(issue);
    if (this.kept.length >= 2 * MAX_CSV_ISSUES) this.trim();
  }

  get count(): number {
    return this.total;
  }

  /**
   * A row's schema issues, each under the CSV column of its field (`columnOf`, else the field's own name; an issue
   * of the whole row under `value`).
   */
  addFieldIssues(
    line: number,
    fieldIssues: readonly { path: readonly PropertyKey[]; message: string }[],
    columnOf: Readonly<Record<string, string>>,
  ): void {
    for (const i of fieldIssues) {
      const field = String(i.path[0] ?? 'value');
      this.add({ line, column: columnOf[field] ?? field, message: i.message });
    }
  }

  /** Throws the import's rejection when any issue was found. */
  throwIfAny(): void {
    if (this.total > 0) throw this.rejection();
  }

  rejection(): CsvRejectedError {
    this.trim();
    return new CsvRejectedError(this.kept, this.total);
  }

  private trim() {
    this.kept.sort((a, b) => a.line - b.line); // stable: issues of one line keep their order
    this.kept.length = Math.min(this.kept.length, MAX_CSV_ISSUES);
  }
}
