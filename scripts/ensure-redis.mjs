#!/usr/bin/env node
/**
 * Runs before `npm test` (npm's `pretest`, after ensure-chromium): the queue tests start a real Redis,
 * Debian's `redis-server`, on 127.0.0.1 (tests/helpers/redis-server.ts). When it is missing, this
 * installs it with apt as `.ci/run` does, if it can (root on Debian or Ubuntu); otherwise it says what
 * to install and stops, since the suite cannot pass without it. QUOTECARD_REDIS_SERVER names another binary.
 */
import { spawnSync } from 'node:child_process';

const binary = process.env.QUOTECARD_REDIS_SERVER || 'redis-server';
const works = () => spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
if (works()) process.exit(0);

const canApt = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (canApt && !process.env.QUOTECARD_REDIS_SERVER) {
  console.log("The queue tests need Redis; installing Debian's redis-server with apt-get (once)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (run(['update', '-qq']) && run(['install', '-y', '-qq', '--no-install-recommends', 'redis-server']) && works()) process.exit(0);
}
console.error(
  `The queue tests need ${binary} and it is not there.\n` +
    'Install it (Debian/Ubuntu: `sudo apt-get install redis-server`), or set QUOTECARD_REDIS_SERVER to a redis-server binary.',
);
process.exit(1);
