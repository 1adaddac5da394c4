import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Actor } from '../domain/actor';
import { ConflictError, DomainError, NotFoundError, RuleError } from '../errors';
import { roleAction, roleCall } from './action';

// The wrapper reads the session through next-auth, which needs Next's request scope; the tests choose who is signed in.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('./session', () => ({ verifySession: async () => session.actor }));

const analyst: Actor = { userId: 'u1', label: 'ana@example.com', role: 'analyst', via: 'session' };
const schema = z.object({ name: z.string().trim().min(1, 'Give a name.'), count: z.coerce.number().int().optional() });

describe('the server-action wrapper', () => {
  afterEach(() => {
    session.actor = null;
    vi.restoreAllMocks();
  });

  it('refuses without a session and below the role, before parsing or running anything', async () => {
    const run = vi.fn();
    const action = roleCall('analyst', schema, run);
    expect(await action({ name: 'x' })).toEqual({ ok: false, message: 'Your session has ended. Sign in again.' });
    session.actor = { ...analyst, role: 'viewer' };
    expect(await action({ name: 'x' })).toEqual({ ok: false, message: 'This needs the analyst role.' });
    expect(run).not.toHaveBeenCalled();
  });

  it('parses the input once and hands the run the actor and the typed value', async () => {
    session.actor = analyst;
    const run = vi.fn(async (_actor: Actor, input: z.infer<typeof schema>) => ({ message: 'Saved.', data: input.count }));
    const action = roleAction('analyst', schema, run);
    const form = new FormData();
    form.set('name', '  Stack  ');
    form.set('count', '3');
    expect(await action(null, form)).toEqual({ ok: true, message: 'Saved.', data: 3 });
    expect(run).toHaveBeenCalledWith(analyst, { name: 'Stack', count: 3 });
  });

  it('answers invalid input with the fields named and does not run', async () => {
    session.actor = analyst;
    const run = vi.fn();
    expect(await roleCall('analyst', schema, run)({ name: ' ' })).toEqual({
      ok: false,
      message: 'Check the highlighted fields.',
      fieldErrors: { name: ['Give a name.'] },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('maps a broken rule to its field, a lost race to the stored record, and other domain errors to their message', async () => {
    session.actor = analyst;
    const failing = (error: Error) => roleCall('analyst', schema, async () => Promise.reject(error))({ name: 'x' });
    const rule = new RuleError('That name is taken.', [{ path: ['name'], message: 'That name is taken.' }]);
    expect(await failing(rule)).toEqual({
      ok: false,
      message: 'That name is taken.',
      fieldErrors: { name: ['That name is taken.'] },
      issues: rule.issues,
    });
    const current = { id: 'c1', version: 4 };
    expect(await failing(new ConflictError('Someone changed it.', current))).toEqual({
      ok: false,
      message: 'Someone changed it.',
      conflict: current,
    });
    expect(await failing(new NotFoundError('No such company.'))).toEqual({ ok: false, message: 'No such company.' });
    expect(await failing(new DomainError('Refused.'))).toEqual({ ok: false, message: 'Refused.' });
  });

  it('never shows an unexpected error: it is logged and the user is told nothing changed', async () => {
    session.actor = analyst;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const answer = await roleCall('analyst', schema, async () => {
      throw new Error('relation "companies" does not exist');
    })({ name: 'x' });
    expect(answer).toEqual({ ok: false, message: 'Something went wrong on our side; nothing was changed. Try again.' });
    expect(JSON.stringify(answer)).not.toContain('relation');
    expect(logged).toHaveBeenCalledOnce();
  });
});
