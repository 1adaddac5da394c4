'use client';

import { useActionState } from 'react';
import { changeRoleAction, resetPasswordAction, setDisabledAction } from '@/lib/actions/users';
import { ROLES } from '@/lib/domain/roles';
import type { UserView } from '@/lib/users/schema';
import { ConfirmButton } from '../ui/confirm-button';
import { FormMessage } from '../ui/form-message';
import { SecretBox } from '../ui/secret-box';

export function UserRow({ user, isSelf }: { user: UserView; isSelf: boolean }) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, null);
  const [disableState, disableAction, disablePending] = useActionState(setDisabledAction, null);
  const [resetState, resetAction, resetPending] = useActionState(resetPasswordAction, null);
  return (
    <tr data-testid={`user-${user.email}`}>
      <td>
        <strong>{user.name}</strong>
        {isSelf && <span className="muted"> (you)</span>}
        <br />
        <span className="muted">{user.email}</span>
      </td>
      <td>
        <form action={roleAction} className="actions">
          <input type="hidden" name="userId" value={user.id} />
          <label className="sr-only" htmlFor={`role-${user.id}`}>
            Role of {user.email}
          </label>
          <select id={`role-${user.id}`} name="role" defaultValue={user.role} className="inline" key={user.role}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-small" disabled={rolePending}>
            Save role
          </button>
        </form>
        <FormMessage state={roleState} />
      </td>
      <td>{user.disabled ? <span className="badge badge-off">disabled</span> : <span className="badge">active</span>}</td>
      <td>
        <div className="actions">
          <form action={disableAction}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
            {user.disabled ? (
              <button type="submit" className="btn btn-small" disabled={disablePending}>
                Enable
              </button>
            ) : (
              <ConfirmButton label="Disable" confirmLabel={`Disable ${user.email}`} pending={disablePending} />
            )}
          </form>
          <form action={resetAction}>
            <input type="hidden" name="userId" value={user.id} />
            <ConfirmButton label="Reset password" confirmLabel="Reset and sign out" pending={resetPending} />
          </form>
        </div>
        <FormMessage state={disableState} />
        <FormMessage state={resetState} />
        {resetState?.ok && resetState.data?.secret && <SecretBox value={resetState.data.secret} label="New password" />}
      </td>
    </tr>
  );
}
