// The browser half of `cargo xtask visits`: how soon the widget can be used
// on a phone, as Lighthouse's mobile profile sets one up (slow 4G: 150 ms
// round trips, 1.6 Mbps down; CPU slowed 4×), on a first visit, on a repeat
// visit served by the service worker, and on a repeat visit with no signal.
// "Usable" is the moment the start page's button is drawn by the wasm, which
// handles clicks from then on. A report, not a test: timings depend on the machine.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './hosting.mjs';

const port = 8094;
const runs = 5;
const server = spawn(process.execPath, [new URL('./static-server.mjs', import.meta.url).pathname, String(port)], {
  env: process.env,
  stdio: 'ignore',
});

/** Milliseconds from the start of navigation until the start button is there. */
async function usable(page) {
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'commit' });
  await page.waitForSelector('a.wm-button--start', { timeout: 60_000 });
  return page.evaluate(() => performance.now());
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumFlags,
  });
  const rows = { first: [], repeat: [], offline: [] };
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const network = (offline) =>
      cdp.send('Network.emulateNetworkConditions', {
        offline,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await network(false);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    rows.first.push(await usable(page));
    await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 120_000 });
    rows.repeat.push(await usable(page));
    await network(true);
    await context.setOffline(true);
    rows.offline.push(await usable(page));
    await context.close();
  }
  await browser.close();
  const line = (label, values) =>
    `| ${label} | ${Math.round(median(values))} ms | ${values.map((v) => Math.round(v)).join(', ')} |`;
  console.log(`\nTime until the start page can be used (median of ${runs}; slow 4G, CPU slowed 4×)\n`);
  console.log('| visit | median | each run |\n|---|---:|---|');
  console.log(line('first visit, nothing cached', rows.first));
  console.log(line('repeat visit, from the service worker', rows.repeat));
  console.log(line('repeat visit, offline', rows.offline));
} finally {
  server.kill();
}
