/**
 * quotecard/wasm built from src/ exactly as `npm run build` builds it (scripts/wasm-graph.ts, without the
 * type declarations), into a temporary package folder (dist/ with the two .wasm files, emoji/ with the
 * pack), so its tests need no `npm run build` and test the file users get.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { wasmBuild } from '../../scripts/wasm-graph.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Build the entry; returns the temporary package folder (its dist/wasm.js is the ESM build). */
export async function buildWasmPackage(): Promise<string> {
  const pkg = mkdtempSync(join(tmpdir(), 'quotecard-wasm-'));
  const dist = join(pkg, 'dist');
  mkdirSync(join(pkg, 'emoji'), { recursive: true });
  await build({ ...wasmBuild(ROOT, dist), format: ['esm'], dts: false, silent: true, config: false });
  copyFileSync(join(ROOT, 'emoji/twemoji.pack'), join(pkg, 'emoji/twemoji.pack'));
  return pkg;
}
