import { NextRequest } from 'next/server';

/**
 * A request to a route handler as Next hands it over: the URL, an optional JSON body (a string is sent as it is, so
 * tests can send escapes JSON.stringify would not write), and the route's params.
 */
export function routeRequest(method: string, path: string, body?: unknown, contentType = 'application/json'): NextRequest {
  const init: ConstructorParameters<typeof NextRequest>[1] = { method };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'Content-Type': contentType };
  }
  return new NextRequest(`http://localhost${path}`, init);
}

/** The second argument of a route handler. */
export const routeParams = <P>(params: P) => ({ params: Promise.resolve(params) });
