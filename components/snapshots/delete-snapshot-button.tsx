'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ConfirmButton } from '@/components/ui/confirm-button';

/** An admin deletes a snapshot, after confirming; the deletion is audited. */
export function DeleteSnapshotButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="actions"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const response = await fetch(`/api/v1/snapshots/${id}`, { method: 'DELETE' });
          if (response.ok) router.push('/snapshots');
          else
            setProblem(
              ((await response.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ??
                `The server answered ${response.status}.`,
            );
        });
      }}
    >
      <ConfirmButton label="Delete snapshot" confirmLabel={`Delete “${name}”`} pending={pending} />
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
    </form>
  );
}
