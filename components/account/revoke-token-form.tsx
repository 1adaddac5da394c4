'use client';

import { useActionState } from 'react';
import { revokeTokenAction } from '@/lib/actions/account';
import { ConfirmButton } from '../ui/confirm-button';
import { FormMessage } from '../ui/form-message';

export function RevokeTokenForm({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action, pending] = useActionState(revokeTokenAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <ConfirmButton label="Revoke" confirmLabel={`Revoke "${name}"`} pending={pending} />
      <FormMessage state={state} />
    </form>
  );
}
