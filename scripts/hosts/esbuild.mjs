#!/usr/bin/env node
/**
 * An esbuild bundle run on its own, as a user ships a script: tests/hosts/esbuild installs esbuild (pinned in
 * its own lock) and quotecard from the packed tarball, `node build.mjs` bundles card.mjs (quotecard/wasm, its
 * .wasm files and emoji pack as bytes) into one file, which node runs from an empty folder with no
 * node_modules in it or above it: the card it writes must be the one plain Node draws, with no warnings.
 * The Node build bundled the same way (node-entry.mjs) cannot run there, and must say what to do instead.
 *
 *   node scripts/hosts/esbuild.mjs            (QUOTECARD_TARBALL=… to use a packed tarball as it is)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  HostError,
  comparePng,
  installApp,
  packQuotecard,
  printTimings,
  referenceCard,
  report,
  root,
  run,
  stage,
} from './lib.mjs';

const app = path.join(root, 'tests/hosts/esbuild');
const esbuild = path.join(app, 'node_modules/esbuild/bin/esbuild');

/** An empty folder with no node_modules in it or in any folder above it. */
function bareFolder() {
  const folder = mkdtempSync(path.join(tmpdir(), 'quotecard-esbuild-'));
  for (let dir = folder; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules'))) throw new HostError(`${dir}/node_modules exists: the bundle would not run on its own`);
    if (path.dirname(dir) === dir) break;
  }
  return folder;
}

async function main() {
  const tarball = await stage('pack quotecard', () => packQuotecard());
  await stage('install esbuild and quotecard (npm ci, then the tarball)', () => installApp(app, tarball));
  const reference = await stage('reference card in plain Node', () => referenceCard(app));
  const folder = bareFolder();
  try {
    await stage('node build.mjs (esbuild bundles card.mjs)', () => {
      rmSync(path.join(app, 'dist'), { recursive: true, force: true });
      run(process.execPath, ['build.mjs'], { cwd: app });
      const bundle = path.join(app, 'dist/card.mjs');
      console.log(`   dist/card.mjs: ${(statSync(bundle).size / 1e6).toFixed(1)} MB`);
      copyFileSync(bundle, path.join(folder, 'card.mjs'));
    });
    await stage(`node card.mjs in ${folder} (no node_modules)`, () => {
      const t0 = Date.now();
      const output = run(process.execPath, ['card.mjs', 'card.png'], { cwd: folder, quiet: true });
      const ms = Date.now() - t0;
      const { warnings } = JSON.parse(output.trim().split('\n').pop());
      const png = new Uint8Array(readFileSync(path.join(folder, 'card.png')));
      comparePng('card.png', png, reference, { maxDiffShare: 0.01, ms, warnings: warnings.length ? JSON.stringify(warnings) : null });
    });
    await stage('the Node build bundled and run there names the fix', () => {
      run(esbuild, ['node-entry.mjs', '--bundle', '--platform=node', '--format=esm', '--outfile=dist/node-entry.mjs', '--log-level=warning'], { cwd: app });
      copyFileSync(path.join(app, 'dist/node-entry.mjs'), path.join(folder, 'node-entry.mjs'));
      const result = spawnSync(process.execPath, ['node-entry.mjs'], { cwd: folder, encoding: 'utf8' });
      const error = result.stderr.split('\n').find((line) => /^\w*Error: /.test(line)) ?? result.stderr.slice(0, 2000);
      console.log(`   exit ${result.status}: ${error}`);
      if (result.status === 0) throw new HostError('the bundled Node build ran without node_modules: the test no longer shows what it should');
      if (!error.includes("import 'quotecard/wasm'") || !error.includes('--external:quotecard')) {
        throw new HostError('the error of the bundled Node build does not name the fixes (quotecard/wasm, --external:quotecard)', result.stderr);
      }
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main()
  .catch(report)
  .finally(() => printTimings('esbuild host'));
