import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import { createTokenSchema } from '@/lib/tokens/schema';
import { ForbiddenError, NotFoundError, RuleError } from '@/lib/errors';
import { actorForApiToken, createApiToken, listOwnApiTokens, revokeApiToken } from './api-tokens';
import { changeUserRole, setUserDisabled } from './users';

/** What the account page and the CLI do: parse the name once; only the CLI names another owner. */
const newToken = async (actor: Actor, name: string, ownerId?: string | null) =>
  createApiToken({ actor }, { ...createTokenSchema.parse({ name }), ownerId });

const system = { actor: SYSTEM_ACTOR };

describe.each(TEST_DRIVERS)('API tokens on %s', (driver) => {
  useFreshDatabase(driver);

  it('acts with its owner’s current role and records when it was last used', async () => {
    const owner = await makeUser('viewer');
    const { token, view } = await newToken(owner, ' Notebook ');
    expect(view).toMatchObject({ name: 'Notebook', lastUsedAt: null, revokedAt: null });
    expect(await actorForApiToken(token)).toMatchObject({ userId: owner.userId, role: 'viewer', via: 'token' });
    await changeUserRole(system, { userId: owner.userId!, role: 'analyst' });
    expect(await actorForApiToken(token)).toMatchObject({ role: 'analyst' });
    const [listed] = await listOwnApiTokens({ actor: owner });
    expect(listed!.lastUsedAt).not.toBeNull();
  });

  it('is stored hashed: the list shows only a prefix', async () => {
    const owner = await makeUser('viewer');
    const { token } = await newToken(owner, 'Hashed');
    const listed = await listOwnApiTokens({ actor: owner });
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed[0]!.prefix).toBe(token.slice(0, 10));
  });

  it('stops working when revoked or when its owner is disabled', async () => {
    const owner = await makeUser('analyst');
    const { token: revoked, view } = await newToken(owner, 'Revoked');
    await revokeApiToken({ actor: owner }, view.id);
    expect(await actorForApiToken(revoked)).toBeNull();

    const { token: orphaned } = await newToken(owner, 'Owner disabled');
    await setUserDisabled(system, { userId: owner.userId!, disabled: true });
    expect(await actorForApiToken(orphaned)).toBeNull();
    await setUserDisabled(system, { userId: owner.userId!, disabled: false });
    expect(await actorForApiToken(orphaned)).not.toBeNull();
  });

  it('cannot be revoked by someone else, and only an admin creates tokens for another user', async () => {
    const owner = await makeUser('viewer');
    const other = await makeUser('analyst');
    const { view } = await newToken(owner, 'Mine');
    await expect(revokeApiToken({ actor: other }, view.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(newToken(other, 'For you', owner.userId)).rejects.toBeInstanceOf(ForbiddenError);
    const { token } = await newToken(SYSTEM_ACTOR, 'From the CLI', owner.userId);
    expect(await actorForApiToken(token)).toMatchObject({ userId: owner.userId });
  });

  it('refuses a blank name and unknown or malformed tokens', async () => {
    const owner = await makeUser('viewer');
    await expect(newToken(owner, '   ')).rejects.toThrow(/Name the token/);
    expect(await actorForApiToken('slk_' + 'A'.repeat(43))).toBeNull();
    expect(await actorForApiToken("slk_'; drop table users; --")).toBeNull();
    await expect(newToken(SYSTEM_ACTOR, 'No owner')).rejects.toBeInstanceOf(RuleError);
  });
});
