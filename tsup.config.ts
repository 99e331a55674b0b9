import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { WASM_FILES, wasmGraph } from './scripts/wasm-graph.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig([{
  // The worker and the CLI are their own entries: the worker pool starts dist/worker.(c)js by path.
  entry: { index: 'src/index.ts', worker: 'src/batch/worker.ts', cli: 'src/cli/main.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // `import.meta.url` is used to find the bundled fonts; shims make it work in the CJS build.
  shims: true,
  clean: true,
  sourcemap: false,
  // es2022, not node20: esbuild's node tables make it rewrite every \p{…} regular expression literal as a
  // `new RegExp()` built on each call; Node 20 runs ES2022 as written
  target: 'es2022',
  platform: 'node',
  splitting: false,
},
{
  // quotecard/wasm (src/wasm/index.ts): satori's standalone build and resvg-wasm, no node: imports;
  // the two .wasm files are copied beside it (src/wasm/wasm-init.ts finds them from its own URL)
  entry: { wasm: 'src/wasm/index.ts' },
  format: ['esm', 'cjs'],
  // WebAssembly.Module and Response appear in its types: the DOM library declares them
  dts: { compilerOptions: { lib: ['ES2023', 'DOM'] } },
  shims: true,
  clean: false,
  sourcemap: false,
  target: 'es2022',
  platform: 'browser',
  splitting: false,
  esbuildPlugins: [wasmGraph(root)],
  onSuccess: async () => {
    for (const [name, from] of Object.entries(WASM_FILES)) copyFileSync(join(root, from), join(root, 'dist', name));
  },
}]);
