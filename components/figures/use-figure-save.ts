'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { deleteFigureAction, saveFiguresAction } from '@/lib/actions/figures';
import type { FigureView } from '@/lib/figures/schema';
import { figureKey } from '@/lib/domain/figures/input';
import { figureLabel } from '@/lib/domain/figures/history-text';
import type { FigurePayload } from './figure-payload';

/** A save that lost a race: the batch as sent, the figure in it someone else changed, and what they stored. */
export interface FigureConflict {
  items: FigurePayload[];
  mine: FigurePayload;
  theirs: FigureView;
}

export type ConflictChoice = 'mine' | 'theirs' | 'cancel';

export interface SaveStatus {
  tone: 'ok' | 'error';
  text: string;
}

/**
 * Saves batches of figures (one cell, or a pasted block as one transaction) and deletes them, walking the user
 * through a conflict: nothing is overwritten until they choose their value over the stored one.
 */
export function useFigureSave(onStored: (figures: FigureView[]) => void, onRemoved: (figure: FigureView) => void) {
  const router = useRouter();
  const [conflict, setConflict] = useState<FigureConflict | null>(null);
  const [status, setStatus] = useState<SaveStatus | null>(null);
  const [pending, setPending] = useState<ReadonlyMap<string, string>>(new Map());
  const [, startTransition] = useTransition();

  async function save(items: FigurePayload[]): Promise<boolean> {
    if (items.length === 0) return true;
    setPending(new Map(items.map((i) => [figureKey(i), i.value])));
    const result = await saveFiguresAction({ figures: items });
    setPending(new Map());
    if (result.ok) {
      onStored(result.data ?? []);
      setStatus({
        tone: 'ok',
        text: items.length === 1 ? `Saved ${figureLabel(items[0]!)}.` : `Saved ${items.length} figures in one go.`,
      });
      startTransition(() => router.refresh());
      return true;
    }
    const theirs = result.conflict as FigureView | null | undefined;
    const mine = theirs ? items.find((i) => figureKey(i) === figureKey(theirs)) : undefined;
    if (theirs && mine) {
      setConflict({ items, mine, theirs });
      setStatus({ tone: 'error', text: `${result.message} Nothing was saved yet.` });
      return false;
    }
    if (result.conflict === null) startTransition(() => router.refresh());
    setStatus({ tone: 'error', text: describeFailure(result.message, result.issues, items) });
    return false;
  }

  /** Deletes at the version on screen; the page's history then offers the restore. */
  async function remove(figure: FigureView) {
    const result = await deleteFigureAction({ id: figure.id, version: figure.version });
    if (result.ok) {
      onRemoved(figure);
      setStatus({ tone: 'ok', text: `Deleted ${figureLabel(figure)}. Restore it from the figure history below.` });
    } else setStatus({ tone: 'error', text: result.message ?? 'Not deleted.' });
    startTransition(() => router.refresh());
  }

  /** Their value: keep it on screen and save the rest. Mine: save again over their version. */
  async function resolve(choice: ConflictChoice) {
    if (!conflict) return;
    const { items, mine, theirs } = conflict;
    setConflict(null);
    if (choice !== 'mine') onStored([theirs]);
    if (choice === 'cancel') {
      setStatus({ tone: 'error', text: 'Nothing was saved; the grid shows the stored value.' });
      return;
    }
    const rest =
      choice === 'mine'
        ? items.map((i) => (i === mine ? { ...i, version: theirs.version } : i))
        : items.filter((i) => i !== mine);
    if (rest.length === 0) setStatus({ tone: 'ok', text: `Kept the stored ${figureLabel(theirs)}.` });
    else await save(rest);
  }

  return { save, remove, resolve, conflict, status, setStatus, pending };
}

function describeFailure(
  message: string | undefined,
  issues: { path: (string | number)[]; message: string }[] | undefined,
  items: FigurePayload[],
) {
  const lines = (issues ?? []).map((issue) => {
    const index = typeof issue.path[1] === 'number' ? issue.path[1] : -1;
    const item = items[index];
    return item ? `${figureLabel(item)}: ${issue.message}` : issue.message;
  });
  return [message ?? 'The figures were not saved.', ...lines].join(' ');
}
