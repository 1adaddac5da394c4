import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/actor';
import { ForbiddenError, NotFoundError, RuleError } from '@/lib/errors';
import { setFirmNameSchema, type LogoUpload } from '@/lib/firm/schema';
import { makeUser } from '@/lib/testing/actors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { GIF_LOGO, makeJpeg, makePng, SVG_LOGO } from '@/lib/testing/images';
import { listAuditEvents } from './audit';
import { clearFirmLogo, firmMark, getFirm, getFirmLogo, setFirmLogo, setFirmName } from './firm';

const png = (width: number, height: number): LogoUpload => ({ declaredType: 'image/png', bytes: makePng(width, height) });
/** What the API does with a body: the schema first, then the data layer. */
const rename = (actor: Actor, name: string) => setFirmName({ actor }, setFirmNameSchema.parse({ name }));

describe.each(TEST_DRIVERS)("the firm's mark on %s", (driver) => {
  useFreshDatabase(driver);
  let admin: Actor;
  let analyst: Actor;
  let viewer: Actor;
  beforeAll(async () => {
    [admin, analyst, viewer] = await Promise.all([makeUser('admin'), makeUser('analyst'), makeUser('viewer')]);
  });
  const firmEvents = async () => (await listAuditEvents({ actor: admin }, { entity: 'firm', page: 1 })).items;

  it('lets an admin set the name and the logo, which every role reads, each change audited without the bytes', async () => {
    // The tests run in a random order: start from a known logo.
    await setFirmLogo({ actor: admin }, png(8, 8));
    const named = await rename(admin, '  Northwind Capital  ');
    expect(named).toMatchObject({ name: 'Northwind Capital', updatedBy: admin.label });

    const jpeg = makeJpeg(120, 40);
    const set = await setFirmLogo({ actor: admin }, { declaredType: 'image/jpeg', bytes: jpeg });
    expect(set.logo).toMatchObject({ mime: 'image/jpeg', size: jpeg.byteLength, width: 120, height: 40 });
    expect(set.logo!.url).toBe(`/api/v1/firm/logo?v=${set.logo!.sha256.slice(0, 16)}`);
    expect(await getFirm({ actor: viewer })).toEqual(set);
    const stored = await getFirmLogo({ actor: viewer });
    expect(stored?.mime).toBe('image/jpeg');
    expect(Buffer.from(stored!.bytes).equals(Buffer.from(jpeg))).toBe(true);

    const [latest, renamed] = await firmEvents();
    expect(latest).toMatchObject({
      action: 'firm.logo_set',
      actor: admin.label,
      before: { logoType: 'image/png', logoWidth: 8, logoHeight: 8 },
      after: { logoType: 'image/jpeg', logoSize: jpeg.byteLength, logoWidth: 120, logoHeight: 40 },
    });
    expect(JSON.stringify(latest)).not.toContain(Buffer.from(jpeg).toString('base64').slice(0, 40));
    expect(renamed).toMatchObject({ action: 'firm.rename', after: { name: 'Northwind Capital' } });

    const cleared = await clearFirmLogo({ actor: admin });
    expect(cleared).toMatchObject({ name: 'Northwind Capital', logo: null });
    expect(await getFirmLogo({ actor: viewer })).toBeNull();
    expect((await firmEvents())[0]).toMatchObject({
      action: 'firm.logo_remove',
      before: { logoType: 'image/jpeg', logoWidth: 120 },
      after: null,
    });
    await expect(clearFirmLogo({ actor: admin })).rejects.toThrow(NotFoundError);
  });

  it('clears the name with an empty one, and writes nothing for an unchanged name', async () => {
    await rename(admin, 'Fabrikam Partners');
    const events = (await firmEvents()).length;
    await rename(admin, 'Fabrikam Partners ');
    expect((await firmEvents()).length).toBe(events);
    expect((await rename(admin, '   ')).name).toBeNull();
    expect((await firmEvents())[0]).toMatchObject({ before: { name: 'Fabrikam Partners' }, after: { name: null } });
    expect(() => setFirmNameSchema.parse({ name: 'x'.repeat(121) })).toThrow('at most 120 characters');
    expect(setFirmNameSchema.parse({ name: 'x'.repeat(120) }).name).toHaveLength(120);
  });

  it('refuses an analyst and a viewer, and changes nothing', async () => {
    await setFirmLogo({ actor: admin }, png(10, 10));
    const before = await getFirm({ actor: admin });
    const events = (await firmEvents()).length;
    for (const actor of [analyst, viewer]) {
      await expect(rename(actor, 'Not allowed')).rejects.toThrow(ForbiddenError);
      await expect(setFirmLogo({ actor }, png(4, 4))).rejects.toThrow(ForbiddenError);
      await expect(clearFirmLogo({ actor })).rejects.toThrow(ForbiddenError);
    }
    expect(await getFirm({ actor: viewer })).toEqual(before);
    expect((await firmEvents()).length).toBe(events);
  });

  it('refuses a bad logo naming the field, and keeps the stored one and the audit log as they were', async () => {
    await setFirmLogo({ actor: admin }, png(12, 6));
    const before = await getFirm({ actor: admin });
    const events = (await firmEvents()).length;
    const whole = makePng(32, 32);
    const bad: LogoUpload[] = [
      { declaredType: 'image/svg+xml', bytes: SVG_LOGO },
      { declaredType: 'image/gif', bytes: GIF_LOGO },
      { declaredType: 'image/jpeg', bytes: makePng(16, 16) },
      { declaredType: 'image/png', bytes: whole.subarray(0, whole.length - 16) },
      { declaredType: 'image/png', bytes: new Uint8Array(5 * 1024 * 1024) },
      png(3000, 2),
    ];
    for (const upload of bad) {
      const refusal = await setFirmLogo({ actor: admin }, upload).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(RuleError);
      expect((refusal as RuleError).issues.map((i) => i.path)).toEqual([['logo']]);
    }
    expect(await getFirm({ actor: admin })).toEqual(before);
    expect((await firmEvents()).length).toBe(events);
  });

  it('gives exports the mark with the logo as a data URL of the stored bytes', async () => {
    const bytes = makePng(30, 20);
    await setFirmLogo({ actor: admin }, { declaredType: 'image/png', bytes });
    await rename(admin, 'Contoso Research');
    const mark = await firmMark({ actor: viewer });
    expect(mark).toEqual({
      name: 'Contoso Research',
      logo: {
        dataUrl: `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`,
        mime: 'image/png',
        width: 30,
        height: 20,
      },
    });
  });
});
