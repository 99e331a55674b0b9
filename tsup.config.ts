import { defineConfig } from 'tsup';

export default defineConfig({
  // The worker and the CLI are their own entries: the worker pool starts dist/worker.(c)js by path.
  entry: { index: 'src/index.ts', worker: 'src/batch/worker.ts', cli: 'src/cli/main.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  // `import.meta.url` is used to find the bundled fonts; shims make it work in the CJS build.
  shims: true,
  clean: true,
  sourcemap: false,
  target: 'node20',
  platform: 'node',
  splitting: false,
});
