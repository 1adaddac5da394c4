import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { getServerSession } from 'next-auth';
import type { Actor } from '../domain/actor';
import { hasRole, type Role } from '../domain/roles';
import { clientAddress } from '../domain/throttle';
import { env } from '../env/index.js';
import { actorForSession } from '../dal/sessions';
import { authOptions } from './next-auth';

/** The raw next-auth session of this request: only the session id it carries. */
export async function auth(): Promise<{ sid?: string } | null> {
  // Sessions exist only at request time: this keeps `next build` from prerendering (and opening the data folder).
  await connection();
  return (await getServerSession(authOptions())) as { sid?: string } | null;
}

export async function requestAddress(): Promise<string> {
  return clientAddress((await headers()).get('x-forwarded-for'), env().TRUST_PROXY);
}

/**
 * The signed-in actor of this request, checked against the session row and the user on every request
 * (cached for the request), or null.
 */
export const verifySession = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.sid) return null;
  return actorForSession(session.sid, await requestAddress());
});

/** For pages: an anonymous visitor goes to /login; a signed-in user without the role gets the 403 page. */
export async function requireUser(role: Role = 'viewer'): Promise<Actor> {
  const actor = await verifySession();
  if (!actor) redirect('/login');
  if (!hasRole(actor.role, role)) forbidden();
  return actor;
}
