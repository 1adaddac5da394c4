import { hasRole, type Role } from './roles';

export interface NavItem {
  href: string;
  label: string;
  section?: string;
}

const ITEMS: (NavItem & { role: Role })[] = [
  { href: '/', label: 'Dashboard', role: 'viewer' },
  { href: '/companies', label: 'Companies', role: 'viewer' },
  { href: '/figures', label: 'Figures', role: 'viewer' },
  { href: '/lists', label: 'Lists', role: 'viewer' },
  { href: '/fx', label: 'FX rates', role: 'viewer' },
  { href: '/import', label: 'Import / export', role: 'viewer' },
  { href: '/layers', label: 'Layers', role: 'viewer' },
  { href: '/snapshots', label: 'Snapshots', role: 'viewer' },
  { href: '/about', label: 'About this data', role: 'viewer' },
  { href: '/admin/users', label: 'Users', role: 'admin', section: 'Admin' },
  { href: '/admin/firm', label: 'Firm', role: 'admin', section: 'Admin' },
  { href: '/admin/audit', label: 'Audit log', role: 'admin', section: 'Admin' },
];

/** The navigation a role sees. Hiding a link is convenience; every page and action checks the role itself. */
export function navItemsFor(role: Role): NavItem[] {
  return ITEMS.filter((i) => hasRole(role, i.role)).map(({ role: _role, ...item }) => item);
}
