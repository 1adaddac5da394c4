'use client';

import { useState, useTransition } from 'react';
import { setArchivedAction } from '@/lib/actions/companies';
import type { ActionState } from '@/lib/auth/action';
import { FormMessage } from '../ui/form-message';

/** Archive (with confirmation) or restore one company. */
export function ArchiveButton({ id, archived }: { id: string; archived: boolean }) {
  const [asking, setAsking] = useState(false);
  const [state, setState] = useState<ActionState<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (next: boolean) =>
    startTransition(async () => {
      setState(await setArchivedAction({ id, archived: next }));
      setAsking(false);
    });
  return (
    <span className="actions">
      {archived ? (
        <button type="button" className="btn" disabled={pending} onClick={() => run(false)}>
          Restore
        </button>
      ) : asking ? (
        <>
          <button type="button" className="btn btn-danger" disabled={pending} onClick={() => run(true)} autoFocus>
            Confirm archive
          </button>
          <button type="button" className="btn" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className="btn btn-danger" onClick={() => setAsking(true)}>
          Archive
        </button>
      )}
      <FormMessage state={state} />
    </span>
  );
}
