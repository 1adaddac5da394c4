import 'server-only';
import type { Actor } from '../domain/actor';
import { hasRole, type Role } from '../domain/roles';
import { ForbiddenError, UnauthenticatedError } from '../errors';

/** Every data-layer function starts here: no actor is a 401, too low a role a 403. */
export function assertRole(actor: Actor | null | undefined, role: Role): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!hasRole(actor.role, role)) throw new ForbiddenError(`This needs the ${role} role; you are ${actor.role}.`);
}
