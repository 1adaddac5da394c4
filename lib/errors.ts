/**
 * Typed domain errors. The data layer throws them; the route-handler and server-action wrappers map them
 * to HTTP statuses and form messages in one place, so no stack trace or SQL ever reaches a user.
 */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export class DomainError extends Error {
  readonly status: number = 400;
}

export class UnauthenticatedError extends DomainError {
  override readonly status = 401;
  constructor(message = 'Sign in, or send Authorization: Bearer <token>.') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  override readonly status = 403;
  constructor(message = 'Your role does not allow this.') {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  override readonly status = 404;
}

export class ConflictError extends DomainError {
  override readonly status = 409;
  constructor(
    message: string,
    readonly current?: unknown,
  ) {
    super(message);
  }
}

/** Input that is well-formed but breaks a rule (a duplicate email, the last admin). */
export class RuleError extends DomainError {
  override readonly status = 422;
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export class ThrottledError extends DomainError {
  override readonly status = 429;
}

export interface CsvIssue {
  /** The physical line where the record starts; the header is line 1. */
  line: number;
  column: string | null;
  message: string;
}

/** The most issues one rejected import answers; the total count comes with them (docs/data-contract.md §6). */
export const MAX_CSV_ISSUES = 1_000;

/**
 * A CSV file with bad rows: nothing was written. It carries the first MAX_CSV_ISSUES issues and the total count,
 * so a file of a million bad rows answers a bounded list (docs/data-contract.md §6).
 */
export class CsvRejectedError extends DomainError {
  override readonly status = 422;
  readonly issues: CsvIssue[];
  readonly issueCount: number;
  /** `issues` in line order; `total` counts every issue found, listed or not. */
  constructor(issues: readonly CsvIssue[], total = issues.length) {
    super(
      `The file was not imported: ${total.toLocaleString('en-US')} ${total === 1 ? 'problem' : 'problems'} to fix${
        total > MAX_CSV_ISSUES ? ` (the first ${MAX_CSV_ISSUES.toLocaleString('en-US')} are listed)` : ''
      }. Nothing was written.`,
    );
    this.issues = issues.slice(0, MAX_CSV_ISSUES);
    this.issueCount = total;
  }
}
