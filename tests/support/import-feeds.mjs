// Before the browser tests: the developers' own feed-shaped fixtures are
// imported through `cargo xtask import`, exactly as a deployer would, into
// fixtures/imported/ (not committed), where the test server serves them.
// The Outpost feed is harvested page by page from the ORUK test server
// (support/oruk-server.mjs), which serves its captured-shape pages.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

/** Feeds to import: the source as a deployer would give it (`{api}` is the
 * test server's address), and where it goes. */
const FEEDS = [
  ['tests/fixtures/feeds/kendal-v3.json', 'tests/fixtures/imported/kendal'],
  ['{api}/outpost/api/v1', 'tests/fixtures/imported/buckinghamshire'],
];

async function startFeedServer() {
  const server = spawn('node', [join(root, 'tests/support/oruk-server.mjs'), '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(createInterface({ input: server.stdout }), 'line');
  const port = line.replace('listening ', '');
  return { server, api: `http://127.0.0.1:${port}` };
}

export default async function importFeeds() {
  const { server, api } = await startFeedServer();
  try {
    for (const [source, out] of FEEDS) {
      const args = ['xtask', 'import', source.replace('{api}', api), '--out', out];
      await run('cargo', args, { cwd: root }).catch((e) => {
        throw new Error(`cargo ${args.join(' ')} failed:\n${e.stderr}\n${e.stdout}`);
      });
    }
  } finally {
    server.kill();
  }
}
