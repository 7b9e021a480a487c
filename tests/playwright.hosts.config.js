// The widget on the real web servers a council or NHS trust would use, with
// the configs this project ships (deploy/): nginx from Debian's package,
// Caddy, and GitHub Pages as it serves a site (deploy/github-pages.sh).
// Run by `cargo xtask test` after the Chromium suite; the Node static server
// serves every other test, for speed.
import { defineConfig } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './support/hosting.mjs';
import { PORTS, caddy, nginx } from './support/real-hosts.mjs';

const dist = process.env.WAYMARK_DIST;
if (!dist) throw new Error('WAYMARK_DIST is not set');

const host = (name, testMatch) => ({ name, testMatch, use: { baseURL: `http://127.0.0.1:${PORTS[name]}` } });

export default defineConfig({
  testDir: './hosts',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  // GitHub Pages sends no headers of a site's own: its project proves the
  // policy as a meta element instead (deploy/github-pages.sh).
  projects: [
    host('nginx', 'hosting.spec.js'),
    host('caddy', 'hosting.spec.js'),
    host('github-pages', 'github-pages.spec.js'),
  ],
  use: { browserName: 'chromium', trace: 'off', launchOptions: { executablePath: chromiumPath, args: chromiumFlags } },
  webServer: [
    { command: nginx(dist), url: `http://127.0.0.1:${PORTS.nginx}/`, reuseExistingServer: false, timeout: 20_000 },
    { command: caddy(dist), url: `http://127.0.0.1:${PORTS.caddy}/`, reuseExistingServer: false, timeout: 20_000 },
    // A copy of the build readied by deploy/github-pages.sh first, then served.
    {
      command: `node support/github-pages.mjs ${PORTS['github-pages']}`,
      url: `http://127.0.0.1:${PORTS['github-pages']}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    // The referral receiver (support/receiver.mjs): referrals on 8081, its controls on 8082.
    { command: 'node support/receiver.mjs 8081', url: 'http://127.0.0.1:8082/', reuseExistingServer: false, timeout: 20_000 },
  ],
});
