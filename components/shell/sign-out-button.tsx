'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-small"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        // next-auth's client loads at the click: every page's JavaScript would carry it for this one button.
        const { signOut } = await import('next-auth/react');
        await signOut({ redirect: false });
        router.replace('/login');
        router.refresh();
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
