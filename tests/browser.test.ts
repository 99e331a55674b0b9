/**
 * quotecard in a browser: headless Chromium (Debian's, scripts/ensure-chromium.mjs) opens the page of
 * tests/hosts/browser (the snippet of docs/hosts.md), served on 127.0.0.1 with the WebAssembly build at
 * /node_modules/quotecard/ as a static host would serve an installed package. The page draws a card with
 * emoji; it must show no warning and match the card Node draws within the hosts' tolerance (1% of pixels).
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { renderCard } from '../src/index.js';
import type { QuoteInput } from '../src/types.js';
import { quote as pageQuote } from './hosts/browser/quote.js';
import { buildWasmPackage } from './helpers/wasm-build.js';
import { launchChromium } from './helpers/chromium.js';

const quote = pageQuote as QuoteInput;
const PAGE = fileURLToPath(new URL('./hosts/browser/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.pack': 'application/octet-stream' };

let server: Server;
let origin: string;
const requested: string[] = [];
const missing: string[] = [];

beforeAll(async () => {
  const pkg = await buildWasmPackage();
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    requested.push(path);
    const file = path.startsWith('/node_modules/quotecard/') ? join(pkg, path.slice('/node_modules/quotecard/'.length)) : join(PAGE, path === '/' ? 'index.html' : path);
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    } catch {
      missing.push(path);
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

test('a page draws a card with the WebAssembly build, emoji and all, as Node draws it', async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('requestfailed', (r) => errors.push(`${r.url()}: ${r.failure()?.errorText}`));
    await page.goto(`${origin}/`);
    // (the page's globals, typed here: the project's type libraries have no DOM)
    type Page = { document: { querySelector(selector: string): { src: string; alt: string; textContent: string } | null } };
    await page.waitForFunction(() => (globalThis as unknown as Page).document.querySelector('img')?.src.startsWith('blob:'), undefined, { timeout: 60_000 });
    const shown = await page.evaluate(async () => {
      const { document } = globalThis as unknown as Page;
      const img = document.querySelector('img') as { src: string; alt: string };
      const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return { png: btoa(binary), alt: img.alt, warnings: document.querySelector('output')?.textContent ?? '' };
    });
    expect(errors).toEqual([]);
    expect(missing.filter((path) => path !== '/favicon.ico')).toEqual([]);
    expect(shown.warnings).toBe('');
    // the page fetched the modules and the emoji pack from beside the build, nothing else
    expect(requested).toEqual(expect.arrayContaining(['/node_modules/quotecard/dist/yoga.wasm', '/node_modules/quotecard/dist/resvg.wasm', '/node_modules/quotecard/emoji/twemoji.pack']));

    const native = await renderCard(quote, { size: 'og', theme: 'light', site: 'GVS News' });
    expect(shown.alt).toBe(native.alt);
    const a = PNG.sync.read(Buffer.from(shown.png, 'base64'));
    const b = PNG.sync.read(Buffer.from(native.png));
    expect([a.width, a.height]).toEqual([1200, 630]);
    const differing = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 });
    expect(differing / (a.width * a.height)).toBeLessThanOrEqual(0.01);
  } finally {
    await browser.close();
  }
}, 120_000);
