import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/actors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { createViewSchema, patchViewSchema } from '@/lib/views/schema';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import { listAuditEvents } from './audit';
import { createView, deleteView, listViews, updateView } from './saved-views';

/** What the API does with a body: the schema first, then the data layer. */
const save = async (actor: Actor, body: Record<string, unknown>) => createView({ actor }, createViewSchema.parse(body));
const patch = async (actor: Actor, id: string, body: Record<string, unknown>) =>
  updateView({ actor }, { id, patch: patchViewSchema.parse(body) });
/** The names of the views `actor` sees among those the `owners` saved (other tests' shared views are left out). */
const namesSeenBy = async (actor: Actor, owners: Actor[]) =>
  (await listViews({ actor }))
    .filter((v) => owners.some((o) => o.userId === v.owner.id))
    .map((v) => v.name)
    .sort();

describe.each(TEST_DRIVERS)('saved views on %s', (driver) => {
  useFreshDatabase(driver);

  it('keeps a view for its owner, shares one with the team, and stores the filters as the dashboard writes them', async () => {
    const viewer = await makeUser('viewer');
    const analyst = await makeUser('analyst');
    const own = await save(viewer, { name: '  Capex 2024 ', search: '?metric=capex&year=2024&basis=calendar&bogus=1' });
    expect(own).toMatchObject({ name: 'Capex 2024', shared: false, search: 'year=2024&metric=capex', charts: null, version: 1 });
    expect(own.editable).toBe(true);
    const shared = await save(analyst, { name: 'Team view', shared: true, charts: ['layer-pools', 'gap', 'gap'] });
    expect(shared).toMatchObject({ search: '', charts: ['layer-pools', 'gap'] });

    expect(await namesSeenBy(viewer, [viewer, analyst])).toEqual(['Capex 2024', 'Team view']);
    expect(await namesSeenBy(analyst, [viewer, analyst])).toEqual(['Team view']);
    const seenByViewer = (await listViews({ actor: viewer })).find((v) => v.id === shared.id)!;
    expect(seenByViewer).toMatchObject({ editable: false, owner: { id: analyst.userId } });
  });

  it('lets only the owner or an admin rename, share or delete, and hides private views from others', async () => {
    const owner = await makeUser('analyst');
    const other = await makeUser('analyst');
    const admin = await makeUser('admin');
    const privateView = await save(owner, { name: 'Mine' });
    const sharedView = await save(owner, { name: 'Ours', shared: true });

    await expect(patch(other, sharedView.id, { version: 1, name: 'Taken' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteView({ actor: other }, sharedView.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(patch(other, privateView.id, { version: 1, name: 'Peek' })).rejects.toBeInstanceOf(NotFoundError);

    const renamed = await patch(owner, sharedView.id, { version: 1, name: 'Ours, renamed', search: 'metric=operating_income' });
    expect(renamed).toMatchObject({ name: 'Ours, renamed', search: 'metric=operating_income', version: 2 });
    // A stale version is a 409 that carries the stored view.
    const stale = (await patch(owner, sharedView.id, { version: 1, shared: false }).catch((e: unknown) => e)) as ConflictError;
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current).toMatchObject({ name: 'Ours, renamed', version: 2 });

    await deleteView({ actor: admin }, sharedView.id);
    expect(await namesSeenBy(other, [owner])).toEqual([]);
    const event = (await listAuditEvents({ actor: admin }, { entity: 'saved_view', page: 1 })).items.find(
      (e) => e.action === 'view.delete' && e.entityId === sharedView.id,
    );
    expect(event).toMatchObject({ actor: admin.label, entityId: sharedView.id, before: { name: 'Ours, renamed' } });
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const analyst = await makeUser('analyst');
    await save(analyst, { name: 'Twice' });
    const refusals = [
      () => save(analyst, { name: 'x'.repeat(201) }),
      () => save(analyst, { name: '' }),
      () => save(analyst, { name: 'Charts', charts: ['Not An Id'] }),
      () => save(analyst, { name: 'Shared', shared: 'yes' }),
    ];
    for (const refuse of refusals) await expect(refuse()).rejects.toThrow();
    const duplicate = (await save(analyst, { name: 'TWICE' }).catch((e: unknown) => e)) as RuleError;
    expect(duplicate).toBeInstanceOf(RuleError);
    expect(duplicate.issues).toEqual([{ path: ['name'], message: 'You already have a view named “TWICE”.' }]);
    const unknownList = (await save(analyst, { name: 'Nowhere', search: 'list=Nowhere' }).catch((e: unknown) => e)) as RuleError;
    expect(unknownList.issues).toEqual([{ path: ['search'], message: 'No list named “Nowhere”.' }]);
    await expect(save(SYSTEM_ACTOR, { name: 'System' })).rejects.toThrow(/belongs to a user/);
    expect(await namesSeenBy(analyst, [analyst])).toEqual(['Twice']);
  });
});
