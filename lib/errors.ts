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

/** A CSV file with bad rows: nothing was written, and every bad row is listed (docs/data-contract.md §6). */
export class CsvRejectedError extends DomainError {
  override readonly status = 422;
  constructor(readonly issues: CsvIssue[]) {
    super(
      `The file was not imported: ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'} to fix. Nothing was written.`,
    );
  }
}
