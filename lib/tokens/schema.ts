import { z } from 'zod';
import { textRule } from '../domain/text';

export const createTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the token, e.g. "Notebook".')
    .max(80, 'Use at most 80 characters.')
    .superRefine(textRule('name')),
});
/** `ownerId` is for the CLI, where an admin creates a token for another user; it defaults to the actor. */
export type CreateTokenInput = z.output<typeof createTokenSchema> & { ownerId?: string | null };

export const revokeTokenSchema = z.object({ tokenId: z.uuid('Unknown token.') });

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
