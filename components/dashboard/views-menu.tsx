'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { FreezeForm } from '@/components/snapshots/freeze-form';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { viewsQuery, ViewWriteError, writeView } from '@/lib/queries/views';
import type { SavedView } from '@/lib/views/schema';
import dialogStyles from '@/components/export/export.module.css';
import styles from './views-menu.module.css';

interface ViewsMenuProps {
  /** The memo pack's ticked charts, which a view remembers; null for all of them. */
  memoCharts: string[] | null;
  /** Opening a view restores its memo charts. */
  onOpen: (charts: string[] | null) => void;
  /** Analysts and admins may freeze the dashboard for a memo. */
  canFreeze: boolean;
}

const when = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

/**
 * Saved views (docs/data-contract.md §7): save the dashboard as it is now (its URL's filters and gap inputs, and
 * the memo pack's charts) under a name, for yourself or the team; open, rename, share or delete them. Opening a view
 * writes its filters to the URL, as any filter change does, so Back returns to the view before.
 */
export function ViewsMenu({ memoCharts, onOpen, canFreeze }: ViewsMenuProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const views = useQuery({ ...viewsQuery, enabled: open });
  const close = () => dialogRef.current?.close();

  const openView = (view: SavedView) => {
    window.history.pushState(null, '', view.search ? `?${view.search}` : window.location.pathname);
    onOpen(view.charts);
    close();
  };

  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={() => {
          setOpen(true);
          dialogRef.current?.showModal();
        }}
      >
        Views…
      </button>
      <dialog ref={dialogRef} className={dialogStyles.dialog} aria-labelledby={titleId} onClose={() => setOpen(false)}>
        <div className={dialogStyles.dialogBody}>
          <h2 id={titleId}>Saved views</h2>
          {open && <SaveViewForm memoCharts={memoCharts} />}
          {open && canFreeze && <FreezeForm memoCharts={memoCharts} />}
          {views.isPending && open && <p className="muted">Loading views…</p>}
          {views.error && <p className="form-error">Could not load the views: {views.error.message}</p>}
          {views.data && views.data.length === 0 && (
            <p className="muted">No saved views yet. Name the dashboard as it is now to come back to it.</p>
          )}
          {views.data && views.data.length > 0 && (
            <ul className={styles.list} aria-label="Saved views">
              {views.data.map((view) => (
                <ViewRow key={view.id} view={view} onOpen={() => openView(view)} />
              ))}
            </ul>
          )}
          <div className="actions">
            <button type="button" className="btn" onClick={close}>
              Close
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}

function SaveViewForm({ memoCharts }: { memoCharts: string[] | null }) {
  const client = useQueryClient();
  const nameId = useId();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const save = useMutation({
    mutationFn: () => writeView('POST', '/api/v1/views', { name, shared, search: window.location.search, charts: memoCharts }),
    onSuccess: () => {
      setName('');
      return client.invalidateQueries({ queryKey: viewsQuery.queryKey });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const problem = save.error instanceof ViewWriteError ? (save.error.fields.name ?? save.error.message) : save.error?.message;
  return (
    <form className={styles.save} onSubmit={submit} aria-label="Save this view">
      <label htmlFor={nameId}>Save the dashboard as it is now</label>
      <div className={styles.saveRow}>
        <input
          id={nameId}
          value={name}
          maxLength={200}
          placeholder="e.g. Q3 IC memo"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${nameId}-error` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <label className={styles.check}>
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Share with the team
        </label>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save view'}
        </button>
      </div>
      <p id={`${nameId}-error`} role={problem ? 'alert' : 'status'} className={problem ? 'form-error' : 'muted'}>
        {problem ?? (save.isSuccess ? `Saved “${save.data?.name}”.` : '')}
      </p>
    </form>
  );
}

function ViewRow({ view, onOpen }: { view: SavedView; onOpen: () => void }) {
  const client = useQueryClient();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(view.name);
  const refresh = () => client.invalidateQueries({ queryKey: viewsQuery.queryKey });
  const change = useMutation({
    mutationFn: (patch: { name?: string; shared?: boolean }) =>
      writeView('PATCH', `/api/v1/views/${view.id}`, { version: view.version, ...patch }),
    onSuccess: () => {
      setRenaming(false);
      return refresh();
    },
    // A 409 means someone changed it meanwhile: show the stored view.
    onError: (error) => (error instanceof ViewWriteError && error.status === 409 ? refresh() : undefined),
  });
  const remove = useMutation({ mutationFn: () => writeView('DELETE', `/api/v1/views/${view.id}`), onSuccess: refresh });
  const problem = change.error?.message ?? remove.error?.message;
  return (
    <li className={styles.row}>
      {renaming ? (
        <form
          className={styles.rename}
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate({ name });
          }}
          onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setRenaming(false))}
        >
          <input
            aria-label={`New name for ${view.name}`}
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            autoFocus
          />
          <button type="submit" className="btn btn-small btn-primary" disabled={change.isPending}>
            Rename
          </button>
          <button type="button" className="btn btn-small" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" className={styles.open} onClick={onOpen}>
          {view.name}
        </button>
      )}
      <span className="muted">
        {view.shared ? 'Shared' : 'Only you'} · saved by {view.owner.name} · {when(view.updatedAt)}
      </span>
      {view.editable && !renaming && (
        <form
          className="actions"
          onSubmit={(e) => {
            e.preventDefault();
            remove.mutate();
          }}
        >
          <button type="button" className="btn btn-small" onClick={() => setRenaming(true)}>
            Rename
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={change.isPending}
            onClick={() => change.mutate({ shared: !view.shared })}
          >
            {view.shared ? 'Stop sharing' : 'Share'}
          </button>
          <ConfirmButton label="Delete" confirmLabel={`Delete “${view.name}”`} pending={remove.isPending} />
        </form>
      )}
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
    </li>
  );
}
