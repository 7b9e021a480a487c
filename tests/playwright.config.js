// Browser tests drive Debian's Chromium (never a downloaded browser) against
// the release build in dist/, served by our own small static server.
import { defineConfig } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './support/hosting.mjs';

const port = Number(process.env.WAYMARK_PORT || 8090);

export default defineConfig({
  testDir: './browser',
  globalSetup: './support/import-feeds.mjs',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    trace: 'off',
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumFlags,
    },
  },
  webServer: [
    {
      command: `node support/static-server.mjs ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // A deployment whose widget code is missing altogether.
      command: `node support/static-server.mjs ${port + 4} waymark-`,
      url: `http://127.0.0.1:${port + 4}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // The referral receiver (support/receiver.mjs): referrals on 8081, its controls on 8082.
      command: 'node support/receiver.mjs 8081',
      url: 'http://127.0.0.1:8082/',
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // A second receiver for the sealed-referral and inbox tests (8083, controls on 8084), so
      // taking it down or resetting it never reaches a referral another test file is sending.
      command: 'node support/receiver.mjs 8083',
      url: 'http://127.0.0.1:8084/',
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
