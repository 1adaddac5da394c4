import 'server-only';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { firmSettings } from '@/db/schema';
import type { Transaction } from '@/db/types';
import { NotFoundError } from '../errors';
import { checkLogo } from '../firm/logo';
import {
  logoUrl,
  type FirmMark,
  type FirmView,
  type LogoMeta,
  type LogoType,
  type LogoUpload,
  type SetFirmNameInput,
} from '../firm/schema';
import { recordAudit } from './audit';
import { dbOf, type Ctx } from './context';
import { assertRole } from './guard';

/**
 * The firm's mark (docs/data-contract.md §7, firm): its name and logo, one row at most. Every signed-in role reads
 * it, for the memo pack's title slide and export footers; only an admin sets or clears it, audited with what the
 * logo was (type, size, pixels), never its bytes.
 */

/** The columns that describe the mark, without the logo's bytes. */
const META = {
  name: firmSettings.name,
  logoMime: firmSettings.logoMime,
  logoSize: sql<number | null>`octet_length(${firmSettings.logo})`.mapWith(Number),
  logoWidth: firmSettings.logoWidth,
  logoHeight: firmSettings.logoHeight,
  logoSha256: firmSettings.logoSha256,
  updatedAt: firmSettings.updatedAt,
  updatedByLabel: firmSettings.updatedByLabel,
};
interface MetaRow {
  name: string | null;
  logoMime: string | null;
  logoSize: number | null;
  logoWidth: number | null;
  logoHeight: number | null;
  logoSha256: string | null;
  updatedAt: Date;
  updatedByLabel: string;
}

export async function getFirm(ctx: Ctx): Promise<FirmView> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const [row] = await db.select(META).from(firmSettings);
  return viewOf(row);
}

/** The logo's bytes as stored, with its type and hash; null when there is none. */
export async function getFirmLogo(ctx: Ctx): Promise<{ bytes: Uint8Array; mime: LogoType; sha256: string } | null> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const [row] = await db
    .select({ bytes: firmSettings.logo, mime: firmSettings.logoMime, sha256: firmSettings.logoSha256 })
    .from(firmSettings);
  if (!row?.bytes || !row.mime || !row.sha256) return null;
  return { bytes: row.bytes, mime: row.mime as LogoType, sha256: row.sha256 };
}

/** The mark as an export embeds it: the name and the logo as a data URL. */
export async function firmMark(ctx: Ctx): Promise<FirmMark> {
  const firm = await getFirm(ctx);
  const logo = firm.logo ? await getFirmLogo(ctx) : null;
  return {
    name: firm.name,
    logo:
      firm.logo && logo
        ? {
            dataUrl: `data:${logo.mime};base64,${Buffer.from(logo.bytes).toString('base64')}`,
            mime: logo.mime,
            width: firm.logo.width,
            height: firm.logo.height,
          }
        : null,
  };
}

/** Sets the firm's name, or clears it with null. An unchanged name writes nothing. */
export async function setFirmName(ctx: Ctx, input: SetFirmNameInput): Promise<FirmView> {
  assertRole(ctx.actor, 'admin');
  return changeFirm(ctx, async (tx, before) => {
    if (before.name === input.name) return;
    await tx
      .update(firmSettings)
      .set({ name: input.name, ...stamp(ctx) })
      .where(sql`${firmSettings.id}`);
    await recordAudit(tx, ctx.actor, {
      action: 'firm.rename',
      entityType: 'firm',
      before: { name: before.name },
      after: { name: input.name },
    });
  });
}

/** Replaces the logo with an upload that passes the logo rule (lib/firm/logo.ts); a refused one stores nothing. */
export async function setFirmLogo(ctx: Ctx, upload: LogoUpload): Promise<FirmView> {
  assertRole(ctx.actor, 'admin');
  const logo = checkLogo(upload);
  const sha256 = createHash('sha256').update(logo.bytes).digest('hex');
  return changeFirm(ctx, async (tx, before) => {
    await tx
      .update(firmSettings)
      .set({
        logo: Buffer.from(logo.bytes.buffer, logo.bytes.byteOffset, logo.bytes.byteLength),
        logoMime: logo.mime,
        logoWidth: logo.width,
        logoHeight: logo.height,
        logoSha256: sha256,
        ...stamp(ctx),
      })
      .where(sql`${firmSettings.id}`);
    await recordAudit(tx, ctx.actor, {
      action: 'firm.logo_set',
      entityType: 'firm',
      before: auditLogo(before),
      after: auditLogo({ logoMime: logo.mime, logoSize: logo.bytes.byteLength, logoWidth: logo.width, logoHeight: logo.height }),
    });
  });
}

export async function clearFirmLogo(ctx: Ctx): Promise<FirmView> {
  assertRole(ctx.actor, 'admin');
  return changeFirm(ctx, async (tx, before) => {
    if (!before.logoMime) throw new NotFoundError('There is no logo to remove.');
    await tx
      .update(firmSettings)
      .set({ logo: null, logoMime: null, logoWidth: null, logoHeight: null, logoSha256: null, ...stamp(ctx) })
      .where(sql`${firmSettings.id}`);
    await recordAudit(tx, ctx.actor, { action: 'firm.logo_remove', entityType: 'firm', before: auditLogo(before) });
  });
}

/**
 * One change of the mark, in one transaction: the row is made if there is none yet and locked, so two admins
 * changing it at once take turns and each audit event's "before" is what that change replaced.
 */
async function changeFirm(ctx: Ctx, change: (tx: Transaction, before: MetaRow) => Promise<void>): Promise<FirmView> {
  const db = await dbOf(ctx);
  await db.transaction(async (tx) => {
    await tx.insert(firmSettings).values({ updatedByLabel: ctx.actor.label }).onConflictDoNothing();
    const [before] = await tx.select(META).from(firmSettings).for('update');
    await change(tx, before!);
  });
  return getFirm(ctx);
}

const stamp = (ctx: Ctx) => ({ updatedAt: new Date(), updatedBy: ctx.actor.userId, updatedByLabel: ctx.actor.label });

/** A logo in the audit log: what it was, not its bytes; null when there was none. */
function auditLogo(row: Pick<MetaRow, 'logoMime' | 'logoSize' | 'logoWidth' | 'logoHeight'>) {
  if (!row.logoMime) return null;
  return { logoType: row.logoMime, logoSize: row.logoSize, logoWidth: row.logoWidth, logoHeight: row.logoHeight };
}

function viewOf(row: MetaRow | undefined): FirmView {
  if (!row) return { name: null, logo: null, updatedAt: null, updatedBy: null };
  return {
    name: row.name,
    logo: logoMetaOf(row),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedByLabel,
  };
}

function logoMetaOf(row: MetaRow): LogoMeta | null {
  if (!row.logoMime || row.logoSize === null || row.logoWidth === null || row.logoHeight === null || !row.logoSha256) return null;
  return {
    mime: row.logoMime as LogoType,
    size: row.logoSize,
    width: row.logoWidth,
    height: row.logoHeight,
    sha256: row.logoSha256,
    url: logoUrl(row.logoSha256),
  };
}
