'use client';

import { usePathname } from 'next/navigation';
import { useState, type ReactNode } from 'react';

/**
 * The navigation and account links. On a wide window they are the sidebar, always shown; on a narrow one (a phone,
 * a tablet held upright) the sidebar is a top bar and they fold behind its Menu button, so the page starts on the
 * first screen. Following a link folds them again.
 */
export function ShellMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  // Open on the page where it was opened: a link followed to another page closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  return (
    <>
      <button
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-controls="shell-menu"
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        {open ? 'Close menu' : 'Menu'}
      </button>
      <div id="shell-menu" className="shell-menu" data-open={open}>
        {children}
      </div>
    </>
  );
}
