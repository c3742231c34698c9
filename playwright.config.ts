import { defineConfig, devices } from '@playwright/test';
import { E2E_BASE_URL as BASE_URL, E2E_DATA_DIR, E2E_PG_PORT, E2E_PORT as PORT } from './e2e/support/e2e-environment';

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One at a time: the drill and failover specs move the demo lab's serving region.
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    // The lab's sign-in provider is https with a certificate made on this machine.
    ignoreHTTPSErrors: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's Chromium: Playwright's own browser download is not reachable here.
        launchOptions: {
          executablePath: process.env.LIFEBOAT_CHROMIUM ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  webServer: {
    command: 'npm run demo',
    url: `${BASE_URL}/api/health`,
    env: { LIFEBOAT_PORT: String(PORT), LIFEBOAT_BASE_URL: BASE_URL, LIFEBOAT_DATA_DIR: E2E_DATA_DIR, LIFEBOAT_EMBEDDED_PG_PORT: String(E2E_PG_PORT), NEXT_TELEMETRY_DISABLED: '1' },
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    // SIGTERM, not Playwright's default SIGKILL: the demo then stops its workers and database in order.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
