'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { deleteCompanyAction } from '@/lib/actions/companies';
import type { ActionState } from '@/lib/auth/action';
import { FormMessage } from '../ui/form-message';

/** Admin only: delete a company for good, after typing its name (its history stays in the audit log). */
export function DeleteCompanyButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<ActionState<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  if (!asking)
    return (
      <button type="button" className="btn btn-danger" onClick={() => setAsking(true)}>
        Delete permanently…
      </button>
    );
  return (
    <div onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <p>
        This deletes <strong>{name}</strong>, its exposures and list memberships for good. Archiving keeps them and can be undone.
      </p>
      <label htmlFor="confirm-name">Type the company name to confirm</label>
      <div className="actions">
        <input id="confirm-name" className="inline" value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus />
        <button
          type="button"
          className="btn btn-danger"
          disabled={pending || typed.trim() !== name}
          onClick={() =>
            startTransition(async () => {
              const result = await deleteCompanyAction({ id });
              setState(result);
              if (result.ok) router.push('/companies');
            })
          }
        >
          Delete for good
        </button>
        <button type="button" className="btn" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
      <FormMessage state={state} />
    </div>
  );
}
