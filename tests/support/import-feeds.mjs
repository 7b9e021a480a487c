// Before the browser tests: the developers' own feed-shaped fixtures are
// imported through `cargo xtask import`, exactly as a deployer would, into
// fixtures/imported/ (not committed), where the test server serves them.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Feeds to import: the source as a deployer would give it, and where it goes. */
const FEEDS = [['tests/fixtures/feeds/kendal-v3.json', 'tests/fixtures/imported/kendal']];

export default function importFeeds() {
  for (const [source, out] of FEEDS) {
    execFileSync('cargo', ['xtask', 'import', source, '--out', out], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
