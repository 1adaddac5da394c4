import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser, TEST_PASSWORD } from '@/lib/testing/actors';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import { ForbiddenError, RuleError, UnauthenticatedError } from '@/lib/errors';
import { changeOwnPasswordSchema, newUserSchema } from '@/lib/users/schema';
import { listAuditEvents } from './audit';
import { signIn } from './sign-in';
import { actorForSession } from './sessions';
import { changeOwnPassword, changeUserRole, createUser, listUsers, resetUserPassword, setUserDisabled } from './users';

/** What the CLI and the admin page do: parse once, then hand the typed input on. */
const addUser = async (actor: Actor, raw: z.input<typeof newUserSchema>) => createUser({ actor }, newUserSchema.parse(raw));
const system = { actor: SYSTEM_ACTOR };

describe.each(TEST_DRIVERS)('users on %s', (driver) => {
  useFreshDatabase(driver);

  it('creates a user with a generated initial password that works once shown', async () => {
    const admin = await makeUser('admin');
    const { user, initialPassword } = await addUser(admin, {
      email: ' New.Person@Example.com ',
      name: 'New Person',
      role: 'viewer',
    });
    expect(user).toMatchObject({ email: 'new.person@example.com', role: 'viewer', disabled: false });
    expect(initialPassword).toHaveLength(20);
    expect(await signIn({ email: 'NEW.PERSON@example.com', password: initialPassword!, ip: 'test' })).toMatchObject({
      userId: user.id,
    });
  });

  it('refuses a duplicate email whatever its case, naming it', async () => {
    const admin = await makeUser('admin');
    await addUser(admin, { email: 'dup@example.com', name: 'One', role: 'viewer' });
    await expect(addUser(admin, { email: 'DUP@example.com', name: 'Two', role: 'viewer' })).rejects.toThrow(
      'A user with the email dup@example.com already exists.',
    );
  });

  it('refuses a common or short password given by the CLI', async () => {
    await expect(
      addUser(SYSTEM_ACTOR, { email: 'weak@example.com', name: 'Weak', role: 'viewer', password: 'password1234' }),
    ).rejects.toThrow(/common passwords/);
    await expect(
      addUser(SYSTEM_ACTOR, { email: 'weak@example.com', name: 'Weak', role: 'viewer', password: 'short' }),
    ).rejects.toThrow(/at least 12/);
  });

  it('lets only admins manage users', async () => {
    const analyst = await makeUser('analyst');
    await expect(listUsers({ actor: analyst })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addUser(analyst, { email: 'x@example.com', name: 'X', role: 'admin' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listUsers({ actor: null as never })).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('never lets the last enabled admin be demoted or disabled', async () => {
    const last = (await makeUser('admin')).userId!;
    // Leave exactly one enabled admin.
    for (const u of await listUsers(system))
      if (u.role === 'admin' && !u.disabled && u.id !== last) await setUserDisabled(system, { userId: u.id, disabled: true });
    await expect(changeUserRole(system, { userId: last, role: 'analyst' })).rejects.toThrow(/last enabled admin/);
    await expect(setUserDisabled(system, { userId: last, disabled: true })).rejects.toBeInstanceOf(RuleError);
    const second = await makeUser('admin');
    await setUserDisabled(system, { userId: last, disabled: true });
    await expect(setUserDisabled(system, { userId: second.userId!, disabled: true })).rejects.toThrow(/last enabled admin/);
    await setUserDisabled(system, { userId: last, disabled: false });
  });

  it('keeps one enabled admin when two admins are demoted at the same moment', async () => {
    const users = await listUsers(system);
    for (const a of users.filter((u) => u.role === 'admin' && !u.disabled))
      await setUserDisabled(system, { userId: a.id, disabled: true }).catch(() => undefined);
    const a = await makeUser('admin');
    const b = await makeUser('admin');
    const enabledAdmins = (await listUsers(system)).filter((u) => u.role === 'admin' && !u.disabled);
    for (const other of enabledAdmins.filter((u) => u.id !== a.userId && u.id !== b.userId))
      await setUserDisabled(system, { userId: other.id, disabled: true });
    const results = await Promise.allSettled([
      changeUserRole(system, { userId: a.userId!, role: 'viewer' }),
      changeUserRole(system, { userId: b.userId!, role: 'viewer' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await listUsers(system)).filter((u) => u.role === 'admin' && !u.disabled)).toHaveLength(1);
  });

  it('ends a user’s sessions when their role changes, they are disabled or their password is reset', async () => {
    const target = await makeUser('analyst');
    for (const change of [
      () => changeUserRole(system, { userId: target.userId!, role: 'viewer' }),
      () => resetUserPassword(system, target.userId!),
      () => setUserDisabled(system, { userId: target.userId!, disabled: true }),
    ]) {
      await setUserDisabled(system, { userId: target.userId!, disabled: false });
      const { password } = await resetUserPassword(system, target.userId!);
      const session = await signIn({ email: target.label, password, ip: 'test' });
      expect(await actorForSession(session!.sessionId)).not.toBeNull();
      await change();
      expect(await actorForSession(session!.sessionId)).toBeNull();
    }
  });

  it('changing one’s own password needs the current one and ends one’s other sessions only', async () => {
    const me = await makeUser('viewer');
    const here = await signIn({ email: me.label, password: TEST_PASSWORD, ip: 'test' });
    const elsewhere = await signIn({ email: me.label, password: TEST_PASSWORD, ip: 'test' });
    const actor = { ...me, sessionId: here!.sessionId };
    await expect(
      changeOwnPassword(
        { actor },
        {
          currentPassword: 'wrong-one-entirely',
          newPassword: 'another-Long-passphrase-1',
          confirmPassword: 'another-Long-passphrase-1',
        },
      ),
    ).rejects.toThrow('Your current password is not correct.');
    const mismatch = changeOwnPasswordSchema.safeParse({
      currentPassword: TEST_PASSWORD,
      newPassword: 'another-Long-passphrase-1',
      confirmPassword: 'different',
    });
    expect(mismatch.error?.issues).toMatchObject([{ path: ['confirmPassword'], message: 'The two new passwords differ.' }]);
    await expect(
      changeOwnPassword(
        { actor },
        { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD },
      ),
    ).rejects.toThrow('Choose a password different from the current one.');
    await changeOwnPassword(
      { actor },
      {
        currentPassword: TEST_PASSWORD,
        newPassword: 'another-Long-passphrase-1',
        confirmPassword: 'another-Long-passphrase-1',
      },
    );
    expect(await actorForSession(here!.sessionId)).not.toBeNull();
    expect(await actorForSession(elsewhere!.sessionId)).toBeNull();
    expect(await signIn({ email: me.label, password: 'another-Long-passphrase-1', ip: 'test' })).not.toBeNull();
  });

  it('audits every change with before and after, and never the password hash', async () => {
    const admin = await makeUser('admin');
    const { user } = await addUser(admin, { email: 'audited@example.com', name: 'Audited', role: 'viewer' });
    await changeUserRole({ actor: admin }, { userId: user.id, role: 'analyst' });
    const { items } = await listAuditEvents({ actor: admin }, { actor: admin.label, entity: 'user', page: 1 });
    const roleChange = items.find((e) => e.action === 'user.role' && e.entityId === user.id);
    expect(roleChange).toMatchObject({ actor: admin.label, before: { role: 'viewer' }, after: { role: 'analyst' } });
    expect(JSON.stringify(items)).not.toMatch(/argon2|passwordHash|password_hash/);
  });
});
