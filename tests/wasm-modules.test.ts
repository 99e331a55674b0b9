/**
 * quotecard/wasm/modules and the modules initWasm() is handed: the files for Next's edge runtime and workerd
 * re-export the three modules beside the build under the names initWasm takes, the entry elsewhere leaves
 * each undefined (initWasm then loads them itself), and a module compiled in another realm, as Next's edge
 * sandbox hands them over, is taken as a module.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Item } from '../src/types.js';
import { buildWasmPackage } from './helpers/wasm-build.js';
import { SNAPSHOT_ITEMS } from './snapshot-items.js';

type WasmEntry = typeof import('../src/wasm/index.js');

/** This realm's WebAssembly object (the project's type libraries declare only its types). */
const engine = (globalThis as unknown as { WebAssembly: { Module: abstract new (...args: never[]) => object; validate(bytes: Uint8Array): boolean } })
  .WebAssembly;

let dist: string;
beforeAll(async () => {
  dist = join(await buildWasmPackage(), 'dist');
}, 60_000);

const load = (file: string, instance: string) => import(`${pathToFileURL(join(dist, file)).href}?${instance}`);

describe('quotecard/wasm/modules', () => {
  test.each([
    ['wasm-modules.edge-light.js', '?module'],
    ['wasm-modules.workerd.js', ''],
  ])('%s re-exports yoga, resvg and harfbuzz from the .wasm files beside it', (file, suffix) => {
    const code = readFileSync(join(dist, file), 'utf8');
    const reexported = [...code.matchAll(/export \{ default as (\w+) \} from '\.\/(\w+)\.wasm([^']*)';/g)];
    expect(reexported.map((m) => m[1]).sort()).toEqual(['harfbuzz', 'resvg', 'yoga']);
    for (const [, name, fileName, query] of reexported) {
      expect(fileName).toBe(name);
      expect(query).toBe(suffix);
      expect(engine.validate(readFileSync(join(dist, `${fileName}.wasm`)))).toBe(true);
    }
  });

  test('elsewhere each is undefined, and initWasm(modules) loads the files itself', async () => {
    const modules = await load('wasm-modules.js', 'default');
    expect({ ...modules }).toEqual({ yoga: undefined, resvg: undefined, harfbuzz: undefined });
    const wasm: WasmEntry = await load('wasm.js', 'default-modules');
    await wasm.initWasm(modules);
    const card = await wasm.renderCard(SNAPSHOT_ITEMS.quote as Item);
    expect([card.width, card.height, card.warnings]).toEqual([1200, 630, []]);
  });
});

test('modules compiled in another realm (Next edge sandbox) are taken as modules, not bytes', async () => {
  const compile = (name: string) =>
    runInNewContext('new WebAssembly.Module(bytes)', { bytes: new Uint8Array(readFileSync(join(dist, `${name}.wasm`))) }) as WebAssembly.Module;
  const modules = { yoga: compile('yoga'), resvg: compile('resvg'), harfbuzz: compile('harfbuzz') };
  expect(modules.yoga instanceof engine.Module).toBe(false);
  const wasm: WasmEntry = await load('wasm.js', 'other-realm');
  await wasm.initWasm(modules);
  const card = await wasm.renderCard(SNAPSHOT_ITEMS.quote as Item);
  expect([card.width, card.height, card.warnings]).toEqual([1200, 630, []]);
});
