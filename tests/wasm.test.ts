/**
 * quotecard/wasm: satori's standalone build and resvg-wasm, built from src/ as the package builds it. The
 * same cards as the Node build (the SVG byte for byte, the PNG within the image snapshots' tolerance), no
 * `node:` import in the bundle, emoji from the pack, the Node-only functions refused with a typed error,
 * and modules that cannot load reported as such.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderCard as nodeRenderCard } from '../src/render/render-card.js';
import type { Item, SizeName } from '../src/types.js';
import { buildWasmPackage } from './helpers/wasm-build.js';
import { expectMatchesSnapshot } from './image-snapshot.js';
import { SNAPSHOT_ITEMS } from './snapshot-items.js';

type WasmEntry = typeof import('../src/wasm/index.js');

let entry: string;
/** A fresh instance of the built module (its own WebAssembly state). */
const load = (instance: string): Promise<WasmEntry> => import(`${pathToFileURL(entry).href}?${instance}`);
let wasm: WasmEntry;

beforeAll(async () => {
  entry = join(await buildWasmPackage(), 'dist/wasm.js');
  wasm = await load('main');
}, 60_000);

const OPTIONS = { site: 'GVS News', date: '2019-12-13', locale: 'en-GB' } as const;

describe('the bundle', () => {
  test('imports and requires nothing: every dependency is inside, and no node: module', () => {
    const code = readFileSync(entry, 'utf8');
    expect(code).not.toMatch(/^\s*import\s[^;]*?from\s*["']/m);
    expect(code).not.toMatch(/\b(?:import|require)\s*\(\s*["'][^"'.]/);
  });

  test('exports every name of the Node entry', async () => {
    const node = await import('../src/index.js');
    expect(Object.keys(wasm).filter((k) => k !== 'initWasm').sort()).toEqual(expect.arrayContaining(Object.keys(node).sort()));
    expect(Object.keys(node).sort()).toEqual(expect.arrayContaining(Object.keys(wasm).filter((k) => k !== 'initWasm').sort()));
  });
});

describe('cards like the Node build', () => {
  const cases: Array<[string, SizeName, 'light' | 'dark']> = [
    ['quote', 'og', 'light'],
    ['quote', 'story', 'dark'],
    ['quote-partial', 'square', 'dark'],
    ['post-full', 'og', 'dark'],
    ['post-link-only', 'portrait', 'light'],
  ];
  test.each(cases)('%s %s %s: the same SVG, and the PNG within the snapshot tolerance', async (name, size, theme) => {
    const item = SNAPSHOT_ITEMS[name] as Item;
    const [card, native] = await Promise.all([wasm.renderCard(item, { size, theme, ...OPTIONS }), nodeRenderCard(item, { size, theme, ...OPTIONS })]);
    expect(card.svg).toBe(native.svg);
    expect(card.warnings).toEqual(native.warnings);
    expect(card.alt).toBe(native.alt);
    expectMatchesSnapshot(`${name}-${size}-${theme}`, card.png as Uint8Array);
  });

  test('an Arabic quote: the bundled right-to-left fonts are embedded too', async () => {
    const quote: Item = { kind: 'quote', text: 'سنصلح الجسر قبل الشتاء، وهذا وعد للناس هنا', speaker: { name: 'أحمد علي' }, partial: false, start: 0, end: 0, confidence: 1 };
    const options = { size: 'og', theme: { name: 'light', quoteMarks: 'auto' }, site: 'GVS News', date: '2019-12-13', locale: 'ar' } as const;
    const card = await wasm.renderCard(quote, options);
    expect(card.warnings).toEqual([]);
    expectMatchesSnapshot('marks-ar-og-light', card.png as Uint8Array);
  });

  test('emoji come from the pack, drawn as in Node', async () => {
    const post: Item = { ...(SNAPSHOT_ITEMS['post-full'] as Item & { kind: 'post' }), text: 'Bridge open again 🎉👍🏽🇵🇰 at last' };
    const [card, native] = await Promise.all([wasm.renderCard(post, OPTIONS), nodeRenderCard(post, OPTIONS)]);
    expect(card.svg).toBe(native.svg);
    expect(card.svg).toContain('data:image/svg+xml');
    expect(card.warnings).toEqual([]);
  });

  test('format svg draws no PNG; the PNG is a real 1200x630 image', async () => {
    const item = SNAPSHOT_ITEMS.quote as Item;
    expect((await wasm.renderCard(item, { format: 'svg' })).png).toBeUndefined();
    const png = PNG.sync.read(Buffer.from((await wasm.renderCard(item)).png as Uint8Array));
    expect([png.width, png.height]).toEqual([1200, 630]);
  });
});

describe('cardResponse', () => {
  test('answers with the PNG renderCard draws, its length, the year-long cache and an ETag', async () => {
    const item = SNAPSHOT_ITEMS.quote as Item;
    const [response, card] = await Promise.all([wasm.cardResponse(item), wasm.renderCard(item)]);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.compare(Buffer.from(body), Buffer.from(card.png))).toBe(0);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-length')).toBe(String(card.png.length));
    expect(response.headers.get('cache-control')).toBe('public, immutable, no-transform, max-age=31536000');
    expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
  });
});

describe('what needs Node', () => {
  test.each(['renderArticles', 'enqueueArticles', 'startWorker', 'cleanQueue', 'hydratePost', 'safeFetch'] as const)('%s rejects with InputError "node-only"', async (name) => {
    const fn = wasm[name] as (...args: unknown[]) => Promise<unknown>;
    await expect(fn({})).rejects.toMatchObject({ name: 'InputError', code: 'node-only', field: name });
    await expect(fn({})).rejects.toBeInstanceOf(wasm.QuoteCardError);
  });

  test('the hydrate option rejects with InputError "node-only"', async () => {
    const post = SNAPSHOT_ITEMS['post-link-only'] as Item;
    await expect(wasm.renderCard(post, { hydrate: true })).rejects.toMatchObject({ code: 'node-only', field: 'hydrate' });
  });
});

describe('loading', () => {
  test('a module that is not WebAssembly is a RenderError "wasm-failed"', async () => {
    const fresh = await load('bad-module');
    await expect(fresh.initWasm({ yoga: new Uint8Array([0, 1, 2, 3]) })).rejects.toMatchObject({ name: 'RenderError', code: 'wasm-failed', field: 'initWasm' });
  });

  test('an emoji pack that cannot be read leaves emoji blank and says so in the warnings', async () => {
    const fresh = await load('bad-pack');
    await fresh.initWasm({ emoji: new Uint8Array([1, 2, 3]) });
    const post: Item = { ...(SNAPSHOT_ITEMS['post-full'] as Item & { kind: 'post' }), text: 'Bridge open again 🎉 at last' };
    const card = await fresh.renderCard(post);
    expect(card.warnings.join(' ')).toMatch(/emoji pack could not be loaded.*initWasm/);
  });
});
