import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import type { Role } from '@/lib/domain/roles';
import { createUser } from '@/lib/dal/users';

export const TEST_PASSWORD = 'integration-Passphrase-2026';

/** Creates a user with TEST_PASSWORD and returns them as an actor, as the wrapper would resolve them. */
export async function makeUser(
  role: Role,
  email = `${role}-${Math.random().toString(36).slice(2, 8)}@test.example`,
): Promise<Actor> {
  const { user } = await createUser(
    { actor: SYSTEM_ACTOR },
    { email, name: email.split('@')[0]!, role, password: TEST_PASSWORD },
  );
  return { userId: user.id, label: user.email, role: user.role, via: 'session' };
}
