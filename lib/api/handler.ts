import 'server-only';
import type { NextRequest } from 'next/server';
import type { Actor } from '../domain/actor';
import { hasRole, type Role } from '../domain/roles';
import { actorForApiToken } from '../dal/api-tokens';
import { requestAddress, verifySession } from '../auth/session';
import { errorResponse, jsonError } from './errors';

type RouteContext<P> = { params: Promise<P> };

/**
 * The one wrapper for `/api/v1` route handlers: resolves the actor from `Authorization: Bearer <token>` or the
 * session cookie, refuses with 401/403, and maps every thrown error to the API's error shape.
 */
export function withAuth<P = Record<string, never>>(
  role: Role,
  handler: (input: { req: NextRequest; actor: Actor; params: P }) => Promise<Response>,
) {
  return async (req: NextRequest, context: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await requestActor(req);
      if (!actor) return jsonError(401, 'Sign in, or send Authorization: Bearer <token> with a valid personal API token.');
      if (!hasRole(actor.role, role)) return jsonError(403, `This needs the ${role} role; you are ${actor.role}.`);
      if (actor.via === 'session' && !sameOrigin(req))
        return jsonError(403, 'Cross-site requests with a session cookie are refused; use an API token.');
      return await handler({ req, actor, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function requestActor(req: NextRequest): Promise<Actor | null> {
  const authorization = req.headers.get('authorization');
  if (authorization !== null) {
    // A request that presents a token is judged by that token alone, never by a cookie next to it.
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1] ? actorForApiToken(match[1], await requestAddress()) : null;
  }
  return verifySession();
}

/** Writes with a cookie must come from our own pages (SameSite=Lax covers most, this covers the rest). */
function sameOrigin(req: NextRequest): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  const origin = req.headers.get('origin');
  if (!origin) return true;
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
