import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { wasmBuild } from './scripts/wasm-graph.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig([
{
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
wasmBuild(root, join(root, 'dist')),
]);
