#!/usr/bin/env node
/**
 * Next.js as a user runs it: tests/hosts/next-app (app router) installs quotecard from the packed tarball,
 * is built with `next build` and served on 127.0.0.1, first by `next start`, then as `output: 'standalone'`
 * (node .next/standalone/server.js, with only what Next's docs say to copy: .next/static and public/).
 * Each build serves GET /card (a Node route drawing with the native build) and GET /card/edge (an edge
 * route drawing with quotecard/wasm); each card must be the one plain Node draws, with no warnings.
 *
 *   node scripts/hosts/next.mjs [--builds=start,standalone,webpack]   (QUOTECARD_TARBALL=… to use a packed tarball as it is)
 *
 * webpack (not run by default) is `next build --webpack` served by `next start`.
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
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

const app = path.join(root, 'tests/hosts/next-app');
const next = path.join(app, 'node_modules/next/dist/bin/next');
const env = { NEXT_TELEMETRY_DISABLED: '1' };
const builds = (process.argv.find((arg) => arg.startsWith('--builds='))?.slice('--builds='.length) ?? 'start,standalone').split(',');

async function main() {
  const tarball = await stage('pack quotecard', () => packQuotecard());
  if (!('./wasm/modules' in tarballExports(tarball))) {
    throw new HostError('app/card/edge/route.ts imports quotecard/wasm/modules, which the package does not export');
  }
  // The Node route draws with the native build, like the reference; the edge route with WebAssembly, the same
  // SVG rasterized by the same resvg: 1% leaves room for antialiasing.
  const routes = [
    { path: '/card', maxDiffShare: 0.001 },
    { path: '/card/edge', maxDiffShare: 0.01 },
  ];
  await stage('install the app (npm ci, then the tarball)', () => installApp(app, tarball));
  const reference = await stage('reference card in plain Node', () => referenceCard(app));

  const build = (output, flags = []) => {
    rmSync(path.join(app, '.next'), { recursive: true, force: true });
    run(process.execPath, [next, 'build', ...flags], {
      cwd: app,
      env: { ...process.env, ...env, NEXT_OUTPUT: output },
      quiet: true,
    });
  };
  const serve = async (name, args, extraEnv) => {
    const port = await freePort();
    const server = await startServer(process.execPath, args(port), {
      cwd: app,
      env: { ...env, ...extraEnv(port) },
      url: `http://127.0.0.1:${port}/`,
    });
    try {
      for (const { path: route, maxDiffShare } of routes) {
        await stage(`${name} GET ${route}`, () => checkCard(`http://127.0.0.1:${port}${route}`, reference, { maxDiffShare }));
      }
    } catch (error) {
      error.output = `${error.output ? `${error.output}\n` : ''}server output:\n${server.output}`;
      throw error;
    } finally {
      server.stop();
    }
  };

  const start = (port) => [next, 'start', '-H', '127.0.0.1', '-p', String(port)];
  if (builds.includes('start')) {
    await stage('next build', () => build('default'));
    await serve('next start', start, () => ({}));
  }
  if (builds.includes('webpack')) {
    await stage('next build --webpack', () => build('default', ['--webpack']));
    await serve('next start (webpack)', start, () => ({}));
  }
  if (!builds.includes('standalone')) return;
  await stage("next build (output: 'standalone')", () => {
    build('standalone');
    // What the deployment docs say to copy beside server.js; nothing of quotecard's.
    const standalone = path.join(app, '.next/standalone');
    cpSync(path.join(app, '.next/static'), path.join(standalone, '.next/static'), { recursive: true });
    if (existsSync(path.join(app, 'public'))) cpSync(path.join(app, 'public'), path.join(standalone, 'public'), { recursive: true });
  });
  await serve('standalone server.js', () => ['.next/standalone/server.js'], (port) => ({
    HOSTNAME: '127.0.0.1',
    PORT: String(port),
  }));
}

main()
  .catch(report)
  .finally(() => printTimings('Next.js host'));
