/**
 * quotecard/wasm built from src/ the way tsup.config.ts builds it (scripts/wasm-graph.ts), into a temporary
 * package folder (dist/ with the two .wasm files, emoji/ with the pack), so its tests need no `npm run build`.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { WASM_FILES, wasmGraph } from '../../scripts/wasm-graph.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Build the entry; returns the path of the ESM file (dist/wasm.js in the temporary package). */
export async function buildWasmEntry(): Promise<string> {
  const pkg = mkdtempSync(join(tmpdir(), 'quotecard-wasm-'));
  const dist = join(pkg, 'dist');
  mkdirSync(join(pkg, 'emoji'), { recursive: true });
  const outfile = join(dist, 'wasm.js');
  await build({
    entryPoints: [join(ROOT, 'src/wasm/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile,
    logLevel: 'error',
    plugins: [wasmGraph(ROOT)],
  });
  for (const [name, from] of Object.entries(WASM_FILES)) copyFileSync(join(ROOT, from), join(dist, name));
  copyFileSync(join(ROOT, 'emoji/twemoji.pack'), join(pkg, 'emoji/twemoji.pack'));
  return outfile;
}
