/** Roles nest: admin ⊇ analyst ⊇ viewer (docs/data-contract.md §2). */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `actual` carries at least the rights of `required`. */
export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'Viewer — reads and exports',
  analyst: 'Analyst — writes data',
  admin: 'Admin — manages users',
};
