'use client';

import { IntentLink } from '@/components/ui/intent-link';
import { usePathname } from 'next/navigation';
import type { NavItem } from '@/lib/domain/navigation';

export function Nav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav className="nav" aria-label="Main">
      {items.map((item, i) => {
        const heading = item.section !== items[i - 1]?.section ? item.section : undefined;
        const active = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
        return (
          <span key={item.href} style={{ display: 'contents' }}>
            {heading && <span className="nav-section">{heading}</span>}
            <IntentLink href={item.href} aria-current={active ? 'page' : undefined}>
              {item.label}
            </IntentLink>
          </span>
        );
      })}
    </nav>
  );
}
