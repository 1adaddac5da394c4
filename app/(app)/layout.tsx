import Link from 'next/link';
import { QueryProvider } from '@/components/providers/query-provider';
import { Nav } from '@/components/shell/nav';
import { BrandMark } from '@/components/shell/brand-mark';
import { ShellMenu } from '@/components/shell/shell-menu';
import { SignOutButton } from '@/components/shell/sign-out-button';
import { requireUser } from '@/lib/auth/session';
import { navItemsFor } from '@/lib/domain/navigation';

/** The signed-in shell. Each page checks its own role too; this only decides what the navigation shows. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireUser('viewer');
  return (
    <div className="shell">
      <aside className="sidebar">
        <Link href="/" className="brand">
          <BrandMark /> Stacklens
        </Link>
        <ShellMenu>
          <Nav items={navItemsFor(actor.role)} />
          <div className="sidebar-footer">
            <span title={actor.label}>
              {actor.label}
              <br />
              <span className="badge">{actor.role}</span>
            </span>
            <Link href="/account">Account &amp; API tokens</Link>
            <SignOutButton />
          </div>
        </ShellMenu>
      </aside>
      <main className="main" id="main">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </div>
  );
}
