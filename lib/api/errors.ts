import 'server-only';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { ConflictError, CsvRejectedError, DomainError, RuleError } from '../errors';
import { PayloadTooLargeError } from './body';

/** The one error shape of the API (docs/data-contract.md §7): `{ error: { message, issues?, issueCount? } }`, 409s add `current`. */
export function jsonError(status: number, message: string, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ error: { message, ...extra } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Maps anything a handler throws to a response; unknown errors are logged and never shown. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof z.ZodError)
    return jsonError(422, 'The request is not valid.', {
      issues: error.issues.map((i) => ({ path: i.path, message: i.message })),
    });
  if (error instanceof RuleError) return jsonError(422, error.message, { issues: error.issues });
  if (error instanceof CsvRejectedError)
    return jsonError(422, error.message, { issues: error.issues, issueCount: error.issueCount });
  if (error instanceof ConflictError)
    return NextResponse.json({ error: { message: error.message }, current: error.current }, { status: 409 });
  if (error instanceof PayloadTooLargeError && error.issues.length > 0)
    return jsonError(413, error.message, { issues: error.issues });
  if (error instanceof SyntaxError) return jsonError(400, 'The request body is not valid JSON.');
  if (error instanceof DomainError) return jsonError(error.status, error.message);
  console.error('API request failed:', error);
  return jsonError(500, 'Something went wrong on our side. Nothing was changed.');
}
