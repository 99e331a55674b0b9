import { build } from 'esbuild';

// One self-contained file: quotecard/wasm and its dependencies bundled, the .wasm and .pack files as bytes.
await build({
  entryPoints: ['card.mjs'],
  outfile: 'dist/card.mjs',
  bundle: true,
  platform: 'node',
  // Node 20's Uint8Array has no fromBase64, which esbuild's binary loader uses for newer targets
  target: 'node20',
  format: 'esm',
  loader: { '.wasm': 'binary', '.pack': 'binary' },
});
