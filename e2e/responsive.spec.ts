import { expect, test, type Page } from '@playwright/test';
import { storageStateFor } from './fixtures/env';
import { createCompanyInUi } from './fixtures/companies';

test.use({ storageState: storageStateFor('analyst') });

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
] as const;

/** How far the page scrolls sideways: 0 when everything fits or scrolls inside its own box. */
async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('phones and tablets: no page scrolls sideways, and the navigation folds behind a Menu button', async ({
  page,
}, testInfo) => {
  test.slow(); // eight pages drawn at two sizes
  await createCompanyInUi(page, 'Narrow Window Networks', { chips: '70', outside: '30' });
  const companyPage = new URL(page.url()).pathname;
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const [name, path] of [
      ['dashboard', '/'],
      ['company', companyPage],
      ['companies', '/companies'],
      ['figures', '/figures'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: testInfo.outputPath(`${name}-${viewport.width}.png`), fullPage: true });
      expect(await sidewaysScroll(page), `${name} at ${viewport.width} px`).toBeLessThanOrEqual(0);
    }
  }

  // On a phone the links wait behind the button, which opens and closes them; following one closes it.
  await page.setViewportSize(VIEWPORTS[0]);
  await page.goto('/companies');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeHidden();
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(nav).toBeVisible();
  await nav.getByRole('link', { name: 'Figures' }).click();
  await expect(page).toHaveURL(/\/figures/);
  await expect(nav).toBeHidden();
  // On a wide window the sidebar is always there, without the button.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(nav).toBeVisible();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
});
