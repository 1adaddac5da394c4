import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { ForbiddenError, NotFoundError, RuleError } from '@/lib/errors';
import { actorForApiToken, createApiToken, listOwnApiTokens, revokeApiToken } from './api-tokens';
import { changeUserRole, setUserDisabled } from './users';

describe.each(TEST_DRIVERS)('API tokens on %s', (driver) => {
  useFreshDatabase(driver);

  it('acts with its owner’s current role and records when it was last used', async () => {
    const owner = await makeUser('viewer');
    const { token, view } = await createApiToken(owner, { name: ' Notebook ' });
    expect(view).toMatchObject({ name: 'Notebook', lastUsedAt: null, revokedAt: null });
    expect(await actorForApiToken(token)).toMatchObject({ userId: owner.userId, role: 'viewer', via: 'token' });
    await changeUserRole(SYSTEM_ACTOR, owner.userId!, 'analyst');
    expect(await actorForApiToken(token)).toMatchObject({ role: 'analyst' });
    const [listed] = await listOwnApiTokens(owner);
    expect(listed!.lastUsedAt).not.toBeNull();
  });

  it('is stored hashed: the list shows only a prefix', async () => {
    const owner = await makeUser('viewer');
    const { token } = await createApiToken(owner, { name: 'Hashed' });
    const listed = await listOwnApiTokens(owner);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed[0]!.prefix).toBe(token.slice(0, 10));
  });

  it('stops working when revoked or when its owner is disabled', async () => {
    const owner = await makeUser('analyst');
    const { token: revoked, view } = await createApiToken(owner, { name: 'Revoked' });
    await revokeApiToken(owner, view.id);
    expect(await actorForApiToken(revoked)).toBeNull();

    const { token: orphaned } = await createApiToken(owner, { name: 'Owner disabled' });
    await setUserDisabled(SYSTEM_ACTOR, owner.userId!, true);
    expect(await actorForApiToken(orphaned)).toBeNull();
    await setUserDisabled(SYSTEM_ACTOR, owner.userId!, false);
    expect(await actorForApiToken(orphaned)).not.toBeNull();
  });

  it('cannot be revoked by someone else, and only an admin creates tokens for another user', async () => {
    const owner = await makeUser('viewer');
    const other = await makeUser('analyst');
    const { view } = await createApiToken(owner, { name: 'Mine' });
    await expect(revokeApiToken(other, view.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createApiToken(other, { name: 'For you' }, owner.userId)).rejects.toBeInstanceOf(ForbiddenError);
    const { token } = await createApiToken(SYSTEM_ACTOR, { name: 'From the CLI' }, owner.userId);
    expect(await actorForApiToken(token)).toMatchObject({ userId: owner.userId });
  });

  it('refuses a blank name and unknown or malformed tokens', async () => {
    const owner = await makeUser('viewer');
    await expect(createApiToken(owner, { name: '   ' })).rejects.toThrow(/Name the token/);
    expect(await actorForApiToken('slk_' + 'A'.repeat(43))).toBeNull();
    expect(await actorForApiToken("slk_'; drop table users; --")).toBeNull();
    await expect(createApiToken(SYSTEM_ACTOR, { name: 'No owner' })).rejects.toBeInstanceOf(RuleError);
  });
});
