import type { z } from 'zod';
import { companyInputSchema, companyPatchSchema } from '@/lib/companies/schema';
import { createCompany, updateCompany } from '@/lib/dal/company-writes';
import type { Actor } from '@/lib/domain/actor';

/**
 * What the API does with a request body: parse it once, then hand the typed input to the data layer. Async, so a
 * body the schema refuses comes back as a rejected promise, like every other refusal.
 */
export async function addCompany(actor: Actor, raw: z.input<typeof companyInputSchema>) {
  return createCompany({ actor }, companyInputSchema.parse(raw));
}

/** A PATCH of one company, parsed like the API parses it. */
export async function patchCompany(actor: Actor, id: string, raw: Record<string, unknown>) {
  return updateCompany({ actor }, { id, patch: companyPatchSchema.parse(raw) });
}
