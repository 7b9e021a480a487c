// The browser half of `cargo xtask bench`: serves the bench build (the
// folder in WAYMARK_DIST) with our static server, opens it in Debian's
// Chromium with the CPU slowed 4× (Lighthouse's mobile setting), and prints
// the table the page writes.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './hosting.mjs';

const port = 8095;
const server = spawn(process.execPath, [new URL('./static-server.mjs', import.meta.url).pathname, String(port)], {
  env: process.env,
  stdio: 'ignore',
});
try {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumFlags,
  });
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`http://127.0.0.1:${port}/index.html`);
  await page.waitForSelector('body[data-done]', { timeout: 15 * 60_000 });
  process.stdout.write(await page.textContent('body'));
  await browser.close();
} finally {
  server.kill();
}
