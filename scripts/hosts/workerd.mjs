#!/usr/bin/env node
/**
 * The Cloudflare Workers runtime as a user runs it locally: tests/hosts/workerd installs wrangler (pinned in
 * its own lock) and quotecard from the packed tarball, and `wrangler dev` bundles the worker and serves it
 * from workerd on 127.0.0.1. With a `quotecard/wasm` entry in the package the worker is src/worker.ts,
 * which draws a card that must be the one plain Node draws; without one it is src/hello.ts, which only
 * proves the runtime serves.
 *
 *   node scripts/hosts/workerd.mjs            (QUOTECARD_TARBALL=… to use a packed tarball as it is)
 */
import path from 'node:path';
import {
  HostError,
  checkCard,
  freePort,
  installApp,
  packQuotecard,
  printTimings,
  referenceCard,
  report,
  root,
  stage,
  startServer,
  tarballExports,
} from './lib.mjs';

const app = path.join(root, 'tests/hosts/workerd');
const wrangler = path.join(app, 'node_modules/wrangler/bin/wrangler.js');

async function main() {
  const tarball = await stage('pack quotecard', () => packQuotecard());
  const hasWasm = './wasm' in tarballExports(tarball);
  if (!hasWasm) console.log('   the package has no quotecard/wasm entry: the worker is src/hello.ts, no card is drawn');
  await stage('install the worker (npm ci, then the tarball)', () => installApp(app, tarball));
  const reference = hasWasm ? await stage('reference card in plain Node', () => referenceCard(app)) : undefined;

  const [port, inspector] = [await freePort(), await freePort()];
  const script = hasWasm ? 'src/worker.ts' : 'src/hello.ts';
  const args = [wrangler, 'dev', script, '--ip', '127.0.0.1', '--port', String(port)];
  args.push('--inspector-port', String(inspector), '--show-interactive-dev-session=false');
  const server = await stage(`wrangler dev ${script} (bundle, start workerd)`, () =>
    startServer(process.execPath, args, {
      cwd: app,
      // No metrics, and no fetch of the `Request.cf` object from Cloudflare: nothing leaves the machine.
      env: { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_LOG_PATH: path.join(app, '.wrangler/logs') },
      url: `http://127.0.0.1:${port}/`,
      timeoutMs: 90_000,
    }),
  );
  try {
    if (hasWasm) {
      await stage('workerd GET /', () => checkCard(`http://127.0.0.1:${port}/`, reference, { maxDiffShare: 0.01 }));
    } else {
      await stage('workerd GET / (src/hello.ts)', async () => {
        const text = await (await fetch(`http://127.0.0.1:${port}/`)).text();
        console.log(`   ${text}`);
        if (!text.includes('Cloudflare-Workers')) throw new HostError(`expected workerd's user agent, got ${JSON.stringify(text)}`);
      });
    }
  } catch (error) {
    error.output = `${error.output ? `${error.output}\n` : ''}wrangler output:\n${server.output}`;
    throw error;
  } finally {
    server.stop();
  }
}

main()
  .catch(report)
  .finally(() => printTimings('Cloudflare Workers host'));
