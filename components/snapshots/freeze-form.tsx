'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import type { SnapshotSummary } from '@/lib/snapshots/schema';
import styles from '@/components/dashboard/views-menu.module.css';

/**
 * *Freeze for memo*: stores the answers of every chart of the dashboard as it is now (its URL's filters, the memo
 * pack's ticked charts) under a name, so a memo's numbers can be found again after the data changes (analysts).
 */
export function FreezeForm({ memoCharts }: { memoCharts: string[] | null }) {
  const nameId = useId();
  const [name, setName] = useState('');
  const freeze = useMutation({
    mutationFn: async (): Promise<SnapshotSummary> => {
      const response = await fetch('/api/v1/snapshots', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ name, search: window.location.search.replace(/^\?/, ''), charts: memoCharts }),
      });
      const body = (await response.json().catch(() => null)) as
        (SnapshotSummary & { error?: undefined }) | { error?: { message?: string; issues?: { message: string }[] } } | null;
      if (!response.ok)
        throw new Error(body?.error?.issues?.[0]?.message ?? body?.error?.message ?? `The server answered ${response.status}.`);
      return body as SnapshotSummary;
    },
    onSuccess: () => setName(''),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    freeze.mutate();
  };
  return (
    <form className={styles.save} onSubmit={submit} aria-label="Freeze for memo">
      <label htmlFor={nameId}>Freeze the numbers for a memo</label>
      <div className={styles.saveRow}>
        <input
          id={nameId}
          value={name}
          maxLength={200}
          placeholder="e.g. Q3 IC memo"
          aria-invalid={freeze.error ? true : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="btn" disabled={freeze.isPending}>
          {freeze.isPending ? 'Freezing…' : 'Freeze for memo'}
        </button>
      </div>
      <p role={freeze.error ? 'alert' : 'status'} className={freeze.error ? 'form-error' : 'muted'}>
        {freeze.error?.message}
        {freeze.data && (
          <>
            Froze “{freeze.data.name}”: <Link href={`/snapshots/${freeze.data.id}`}>open the snapshot</Link>.
          </>
        )}
      </p>
    </form>
  );
}
