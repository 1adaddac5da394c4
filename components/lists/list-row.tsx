'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { deleteListAction, renameListAction } from '@/lib/actions/companies';
import { companyFilterToSearch } from '@/lib/companies/filter';
import { formatCount } from '@/lib/format';
import type { ListView } from '@/lib/lists/schema';
import { ConfirmButton } from '../ui/confirm-button';
import { FormMessage } from '../ui/form-message';

export function ListRow({ list, canEdit }: { list: ListView; canEdit: boolean }) {
  const [renaming, setRenaming] = useState(false);
  const [renameState, rename, renamePending] = useActionState(renameListAction, null);
  const [deleteState, remove, deletePending] = useActionState(deleteListAction, null);
  return (
    <tr data-testid={`list-${list.name}`}>
      <td>
        {renaming ? (
          <form action={rename} className="actions" onKeyDown={(e) => e.key === 'Escape' && setRenaming(false)}>
            <input type="hidden" name="listId" value={list.id} />
            <label className="sr-only" htmlFor={`rename-${list.id}`}>
              New name for {list.name}
            </label>
            <input id={`rename-${list.id}`} name="name" defaultValue={list.name} maxLength={60} autoFocus className="inline" />
            <button type="submit" className="btn btn-small btn-primary" disabled={renamePending}>
              Save
            </button>
            <button type="button" className="btn btn-small" onClick={() => setRenaming(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <Link href={`/companies?${companyFilterToSearch({ list: list.name })}`}>
            <strong>{list.name}</strong>
          </Link>
        )}
        <FormMessage state={renameState} />
      </td>
      <td className="num">{list.companies}</td>
      {canEdit && (
        <td>
          <div className="actions">
            {!renaming && (
              <button type="button" className="btn btn-small" onClick={() => setRenaming(true)}>
                Rename
              </button>
            )}
            <form action={remove}>
              <input type="hidden" name="listId" value={list.id} />
              <ConfirmButton
                label="Delete"
                confirmLabel={`Delete ${list.name} (${formatCount(list.companies, 'company', 'companies')} stay${list.companies === 1 ? 's' : ''})`}
                pending={deletePending}
              />
            </form>
          </div>
          <FormMessage state={deleteState} />
        </td>
      )}
    </tr>
  );
}
