import { z } from 'zod';

const uuid = z.uuid();

/** Whether a string is a UUID, the only shape of a stored id (docs/data-contract.md §7); anything else names nothing. */
export function isUuid(id: string): boolean {
  return uuid.safeParse(id).success;
}
