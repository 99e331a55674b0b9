#!/usr/bin/env node
/**
 * Runs before `npm test` (npm's `pretest`): the gallery test opens index.html in a real headless Chromium,
 * Debian's `chromium` driven by playwright-core (no browser download). When it is missing, this installs it
 * with apt as `.ci/run` does, if it can (root on Debian or Ubuntu); otherwise it says what to install and
 * stops, since the suite cannot pass without it. QUOTECARD_CHROMIUM names another Chromium binary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const binary = process.env.QUOTECARD_CHROMIUM || '/usr/bin/chromium';
if (existsSync(binary)) process.exit(0);

const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (canApt && !process.env.QUOTECARD_CHROMIUM) {
  console.log('The gallery test needs Chromium; installing Debian\'s chromium with apt-get (once)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (run(['update', '-qq']) && run(['install', '-y', '-qq', '--no-install-recommends', 'chromium']) && existsSync(binary)) process.exit(0);
}
console.error(
  `The gallery test needs Chromium at ${binary} and it is not there.\n` +
    'Install it (Debian/Ubuntu: `sudo apt-get install chromium`), or set QUOTECARD_CHROMIUM to a Chromium or Chrome binary.',
);
process.exit(1);
