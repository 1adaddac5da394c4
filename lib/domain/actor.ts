import type { Role } from './roles';

/**
 * Who is acting: a signed-in user, the owner of an API token, or the CLI (as a user with --as, or as the
 * system). Resolved once by the wrapper; every data-layer function takes it and checks the role itself.
 */
export interface Actor {
  /** The user's id; null for the system actor. */
  userId: string | null;
  /** The user's email, or "system"; copied into the audit log. */
  label: string;
  role: Role;
  via: 'session' | 'token' | 'cli' | 'system';
  /** The session this request belongs to, when signed in through the browser. */
  sessionId?: string;
  ip?: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system', role: 'admin', via: 'system' };
