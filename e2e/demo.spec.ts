import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './fixtures/auth';
import { E2E_DEMO_DIR } from './fixtures/env';

/** The demo admin's password, as the first start wrote it into the data folder (docs/data-contract.md §8). */
function demoAdmin(): { email: string; password: string } {
  const text = readFileSync(path.join(E2E_DEMO_DIR, 'demo-admin.txt'), 'utf8');
  return { email: /^email: (.+)$/m.exec(text)![1]!, password: /^password: (.+)$/m.exec(text)![1]! };
}

async function drawnMarks(page: Page, chart: string): Promise<number> {
  // A chart draws once it nears the viewport.
  await page.locator(`#${chart}`).scrollIntoViewIfNeeded();
  const marks = page
    .locator(`#${chart} [data-chart] .recharts-wrapper > svg.recharts-surface`)
    .locator('path.recharts-rectangle');
  await expect(marks.first()).toBeAttached();
  return marks.evaluateAll((paths) => paths.filter((p) => (p.getAttribute('d') ?? '').length > 10).length);
}

test('after the demo start, the dashboard tells the demo universe’s story, gaps included', async ({ page }) => {
  const { email, password } = demoAdmin();
  await signIn(page, email, password);

  for (const metric of ['revenue', 'capex']) {
    await page.goto(`/?year=2023&metric=${metric}`);
    expect(await drawnMarks(page, 'layer-pools'), metric).toBeGreaterThan(6);
    expect(await drawnMarks(page, 'over-time'), metric).toBeGreaterThan(6);
  }

  await page.goto('/?year=2024');
  const pools = page.locator('#layer-pools');
  await pools.locator('summary', { hasText: /missing/ }).click();
  await expect(pools.getByRole('group', { name: 'Missing companies' })).toContainText('TSMC: no TWD rate for 2024');
  await expect(pools.getByRole('group', { name: 'Missing companies' })).toContainText('xAI: no revenue for FY2024');

  await page.goto('/companies?list=Portfolio');
  await expect(page.getByRole('link', { name: 'NVIDIA' })).toBeVisible();
});
