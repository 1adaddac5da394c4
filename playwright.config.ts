import { defineConfig, devices } from '@playwright/test';
import { E2E_BASE_URL, E2E_DEMO_URL, E2E_PORT } from './e2e/fixtures/env';

/**
 * End-to-end tests against the production build (`npm run build` first) on a fresh embedded database in a
 * temporary folder, in Debian's Chromium. The server is started by e2e/start-server.sh, which creates the
 * test users with the CLI before the server takes the folder's lock.
 */
const chromiumArgs = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
if (process.getuid?.() === 0) chromiumArgs.push('--no-sandbox');

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'] },
      dependencies: ['setup'],
      testIgnore: [/auth\.setup\.ts/, /demo\.spec\.ts/],
    },
    // What a new user sees after the README's demo start, on its own server and data folder.
    { name: 'demo', use: { ...devices['Desktop Chrome'], baseURL: E2E_DEMO_URL }, testMatch: /demo\.spec\.ts/ },
  ],
  webServer: [
    {
      command: 'bash e2e/start-server.sh',
      url: `${E2E_BASE_URL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { E2E_PORT: String(E2E_PORT) },
    },
    {
      command: 'bash e2e/start-demo-server.sh',
      url: `${E2E_DEMO_URL}/api/health`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { E2E_PORT: String(E2E_PORT) },
    },
  ],
});
