#!/usr/bin/env node
/**
 * The Cloudflare Workers runtime as a user runs it locally: tests/hosts/workerd installs wrangler (pinned in
 * its own lock) and quotecard from the packed tarball, and `wrangler dev` bundles src/worker.ts (quotecard
 * resolved to its WebAssembly build by the workerd condition, the .wasm files imported as modules, the emoji
 * pack as data) and serves it from workerd on 127.0.0.1. GET / is cardResponse()'s card, which must be the
 * one plain Node draws; GET /warnings is that card's warnings, which must be none (an emoji left blank for
 * want of the pack shows there). The worker is type-checked first, with quotecard's types for workerd.
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
  run,
  stage,
  startServer,
  tarballExports,
} from './lib.mjs';

const app = path.join(root, 'tests/hosts/workerd');
const wrangler = path.join(app, 'node_modules/wrangler/bin/wrangler.js');

async function main() {
  const tarball = await stage('pack quotecard', () => packQuotecard());
  if (!('./wasm' in tarballExports(tarball))) throw new HostError('the package has no quotecard/wasm entry, which src/worker.ts needs');
  await stage('install the worker (npm ci, then the tarball)', () => installApp(app, tarball));
  // The worker's types as a user's editor sees them: quotecard's by the workerd condition, the imports' by src/imports.d.ts.
  await stage('tsc -p tests/hosts/workerd (the repository\'s TypeScript)', () =>
    run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', app]),
  );
  const reference = await stage('reference card in plain Node', () => referenceCard(app));

  const [port, inspector] = [await freePort(), await freePort()];
  const script = 'src/worker.ts';
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
    await stage('workerd GET /', async () => {
      const { headers } = await checkCard(`http://127.0.0.1:${port}/`, reference, { maxDiffShare: 0.01 });
      console.log(`   Cache-Control: ${headers.get('cache-control')}; ETag: ${headers.get('etag')}`);
      if (!headers.get('etag')) throw new HostError('cardResponse() sent no ETag (Web Crypto is there in workerd)');
    });
    await stage('workerd GET /warnings', async () => {
      const text = await (await fetch(`http://127.0.0.1:${port}/warnings`, { signal: AbortSignal.timeout(60_000) })).text();
      console.log(`   ${text}`);
      if (text !== '[]') throw new HostError(`the card drawn in workerd has warnings: ${text}`);
    });
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
