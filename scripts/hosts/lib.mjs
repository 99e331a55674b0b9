/**
 * What the host runners share: the packed package, each host app's own install, servers started on
 * 127.0.0.1 and stopped by process group, and the check of a served card against the same card drawn in
 * plain Node by the same tarball.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The quote every host route draws; the routes write it out in full, as a user would. */
export const QUOTE = {
  kind: 'quote',
  text: 'Share images are made where the page is served 🚀',
  speaker: { name: 'Ada Lovelace', role: 'Analyst' },
  partial: false,
  start: 0,
  end: 0,
  confidence: 1,
};

const started = Date.now();
const timings = [];

/** Runs `fn` as a named stage, printing and recording how long it took. */
export async function stage(name, fn) {
  const t0 = Date.now();
  console.log(`\n-- ${name}`);
  try {
    const value = await fn();
    timings.push([name, Date.now() - t0, 'ok']);
    console.log(`   ok (${seconds(Date.now() - t0)})`);
    return value;
  } catch (error) {
    timings.push([name, Date.now() - t0, 'FAILED']);
    console.log(`   FAILED (${seconds(Date.now() - t0)})`);
    throw error;
  }
}

export function printTimings(title) {
  console.log(`\n${title} timings:`);
  for (const [name, ms, result] of timings) console.log(`  ${seconds(ms).padStart(7)}  ${result.padEnd(6)}  ${name}`);
  console.log(`  ${seconds(Date.now() - started).padStart(7)}  total`);
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

/** Runs a command to completion with its output shown; throws with the command's last lines on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (options.quiet !== true) process.stdout.write(indent(output));
  if (result.status !== 0) {
    throw new HostError(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`, output);
  }
  return output;
}

/** A failed step, carrying the output lines that say why. */
export class HostError extends Error {
  constructor(message, output = '') {
    super(message);
    this.output = output;
  }
}

const indent = (text) => (text ? `${text.replace(/\n$/, '').replace(/^/gm, '   | ')}\n` : '');

/**
 * The tarball a user would get from npm: QUOTECARD_TARBALL when set, otherwise `npm pack` of the
 * repository's current build (dist/ must be built: `npm run build`).
 */
export function packQuotecard() {
  const given = process.env.QUOTECARD_TARBALL;
  if (given) {
    if (!existsSync(given)) throw new HostError(`QUOTECARD_TARBALL ${given} does not exist`);
    return path.resolve(given);
  }
  if (!existsSync(path.join(root, 'dist/index.js'))) throw new HostError('dist/ is not built: run `npm run build` first');
  const destination = path.join(root, 'scratch/hosts');
  mkdirSync(destination, { recursive: true });
  const name = run('npm', ['pack', '--silent', '--pack-destination', destination], { cwd: root, quiet: true })
    .trim()
    .split('\n')
    .pop();
  return path.join(destination, name);
}

/** What the tarball exports, read from its package.json without unpacking it. */
export function tarballExports(tarball) {
  const json = run('tar', ['-xOzf', tarball, 'package/package.json'], { quiet: true });
  return JSON.parse(json).exports ?? {};
}

const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * Installs a host app into its own node_modules: `npm ci` from its committed lock, then the tarball on
 * top without saving it (its bytes change with every build, so it is in neither package.json nor the
 * lock). Skipped when the lock and the tarball are those of the last install.
 */
export function installApp(appDir, tarball) {
  const stampFile = path.join(appDir, 'node_modules/.quotecard-hosts-stamp');
  const stamp = `${sha(path.join(appDir, 'package-lock.json'))} ${sha(tarball)}`;
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    console.log('   node_modules already holds this lock and this tarball');
    return;
  }
  const npm = ['--no-audit', '--no-fund', '--loglevel=error'];
  run('npm', ['ci', ...npm], { cwd: appDir });
  run('npm', ['install', '--no-save', ...npm, tarball], { cwd: appDir });
  writeFileSync(stampFile, stamp);
}

/** A port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const servers = new Set();

/** Ends every server still running (by its process group) when the runner exits, however it exits. */
function stopAll() {
  for (const server of servers) server.stop();
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopAll();
    process.exit(128 + 1);
  });
}

/**
 * Starts a server in its own process group and waits until `url` answers (any status) or the process
 * dies or `timeoutMs` passes. Returns { stop, output, url }.
 */
export async function startServer(command, args, { cwd, env, url, timeoutMs = 60_000 }) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited = null;
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  child.on('exit', (code, signal) => {
    exited = code ?? signal;
  });
  const server = {
    url,
    get output() {
      return output;
    },
    stop() {
      servers.delete(server);
      if (exited !== null) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // the group is already gone
      }
    },
  };
  servers.add(server);
  const deadline = Date.now() + timeoutMs;
  const t0 = Date.now();
  while (Date.now() < deadline) {
    if (exited !== null) {
      servers.delete(server);
      throw new HostError(`${command} exited with ${exited} before serving`, output);
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      console.log(`   serving ${url} after ${seconds(Date.now() - t0)}`);
      return server;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  server.stop();
  throw new HostError(`${command} did not answer ${url} within ${timeoutMs / 1000}s`, output);
}

/** The reference card: the same quote drawn in plain Node by the quotecard installed in `appDir`. */
export async function referenceCard(appDir) {
  const entry = path.join(appDir, 'node_modules/quotecard/dist/index.js');
  const { renderCard } = await import(pathToFileURL(entry).href);
  const card = await renderCard(QUOTE);
  return PNG.sync.read(Buffer.from(card.png));
}

/**
 * Fetches a card and checks it is the reference card: status 200, Content-Type image/png, no
 * X-Card-Warnings header, and the PNG as comparePng checks it.
 */
export async function checkCard(url, reference, { maxDiffShare = 0.001 } = {}) {
  const t0 = Date.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  const body = new Uint8Array(await response.arrayBuffer());
  const ms = Date.now() - t0;
  const type = response.headers.get('content-type');
  if (response.status !== 200) {
    throw new HostError(`GET ${url} answered ${response.status}`, new TextDecoder().decode(body).slice(0, 4000));
  }
  if (type !== 'image/png') throw new HostError(`GET ${url}: Content-Type ${type}, expected image/png`);
  const warnings = response.headers.get('x-card-warnings');
  const { differing } = comparePng(`GET ${url}`, body, reference, { maxDiffShare, ms, warnings });
  return { bytes: body.length, ms, differing, headers: response.headers };
}

/**
 * Checks a PNG is the reference card: of the reference's size, its pixels differing from it in at most
 * `maxDiffShare` of them (a fallback font shows as thousands of pixels), drawn without warnings (blank emoji
 * differ by ~0.3% of an og card only, so a host reports its card's warnings and they must be none).
 */
export function comparePng(what, body, reference, { maxDiffShare = 0.001, ms, warnings } = {}) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, i) => body[i] === byte)) throw new HostError(`${what}: not a PNG`);
  const image = PNG.sync.read(Buffer.from(body));
  if (image.width !== reference.width || image.height !== reference.height) {
    throw new HostError(`${what}: ${image.width}x${image.height}, expected ${reference.width}x${reference.height}`);
  }
  const differing = pixelmatch(image.data, reference.data, null, image.width, image.height, { threshold: 0.1 });
  const share = differing / (image.width * image.height);
  console.log(
    `   ${what}: ${body.length} bytes, ${image.width}x${image.height} PNG${ms === undefined ? '' : ` in ${ms} ms`}, ` +
      `${differing} pixels (${(share * 100).toFixed(3)}%) differ from the card drawn in plain Node` +
      (warnings ? `, warnings: ${warnings}` : ''),
  );
  if (warnings) throw new HostError(`${what}: the card was drawn with warnings: ${warnings}`);
  if (share > maxDiffShare) {
    throw new HostError(`${what}: ${(share * 100).toFixed(3)}% of pixels differ from the reference card (at most ${maxDiffShare * 100}%)`);
  }
  return { differing };
}

/** Prints a failure with the output lines that explain it, and sets the exit code. */
export function report(error) {
  process.exitCode = 1;
  console.log(`\n   ${error.message}`);
  if (error.output) {
    const lines = error.output.trim().split('\n');
    console.log(indent(lines.slice(-60).join('\n')));
  }
  if (!(error instanceof HostError)) console.log(error.stack);
}
