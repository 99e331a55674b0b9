/**
 * Satori's text shaper, HarfBuzz, in the WebAssembly build (scripts/wasm-graph.ts). Satori's standalone build
 * compiles HarfBuzz at import from bytes embedded in its code; workerd and Next's edge runtime refuse to
 * compile WebAssembly from bytes, and before that the loader reads `self.location.href`, which workerd lacks
 * (it has WorkerGlobalScope but no location). So the plugin rewrites that file: HarfBuzz loads only when
 * `__quotecardLoadHarfBuzz(moduleArg)` is called (src/wasm/wasm-init.ts, with an emscripten
 * `instantiateWasm` hook that instantiates the compiled module initWasm was given), the embedded copy is
 * dropped (its bytes ship beside the build as harfbuzz.wasm), and a missing `self.location` is allowed. A
 * failed load leaves satori's promise pending, so initWasm may try again.
 *
 * One more: at start-up harfbuzzjs registers a JavaScript function, `m => free(m)`, as the blobs' destroy
 * callback in the WebAssembly function table. Only WebAssembly functions go in a table, so emscripten wraps
 * it in a small module it compiles from bytes, which workerd refuses too; HarfBuzz's own exported `free`
 * (the same signature, doing the same) goes in the table as it is. The other callbacks harfbuzzjs registers
 * (glyph outlines, font functions, buffer messages) are made only by calls satori does not make.
 *
 * satori is pinned; each rewrite must match exactly once, or the build fails naming what it looked for.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'esbuild';

/** The file rewritten, from the repository's root. */
const STANDALONE = 'node_modules/satori/dist/standalone.js';

/** HarfBuzz's WebAssembly as satori 0.63.2's standalone build embeds it, in base64. */
const EMBEDDED = /,u="([A-Za-z0-9+/]+={0,2})",D=typeof Buffer/;

const REWRITES: ReadonlyArray<readonly [string, string]> = [
  ['B&&(A=self.location.href)', 'B&&(A=self.location?.href)'],
  ['var n=t(function(m){g.free(m)},"vi")', 'var n=t(g.free,"vi")'],
  [
    'Ia.exports=new Promise(function(A,g){cf().then(e=>{A(af(e))},g)})',
    'Ia.exports=new Promise(function(A){__quotecardHarfBuzz=function(m){return cf(m).then(e=>{A(af(e))})}})',
  ],
];

const unknown = (what: string) => new Error(`${STANDALONE} is not the satori the WebAssembly build knows (scripts/wasm-harfbuzz.ts): ${what}`);

/** Satori's standalone build as the WebAssembly build bundles it, and HarfBuzz's bytes taken out of it. */
export function satoriStandalone(root: string): { code: string; harfbuzz: Uint8Array } {
  let code = readFileSync(join(root, STANDALONE), 'utf8');
  for (const [from, to] of REWRITES) {
    if (code.split(from).length !== 2) throw unknown(`no single ${JSON.stringify(from)}`);
    code = code.replace(from, () => to);
  }
  const embedded = EMBEDDED.exec(code)?.[1];
  if (!embedded) throw unknown('no embedded HarfBuzz');
  code = code.replace(EMBEDDED, () => ',u="",D=typeof Buffer');
  code += '\nvar __quotecardHarfBuzz;\nexport function __quotecardLoadHarfBuzz(moduleArg) { return __quotecardHarfBuzz(moduleArg); }\n';
  return { code, harfbuzz: new Uint8Array(Buffer.from(embedded, 'base64')) };
}

/** The plugin: satori's standalone build rewritten, and `quotecard:harfbuzz` (src/wasm/harfbuzz.d.ts) its loader. */
export function satoriHarfBuzz(root: string): Plugin {
  const standalone = resolve(root, STANDALONE);
  return {
    name: 'quotecard-satori-harfbuzz',
    setup(build) {
      build.onResolve({ filter: /^quotecard:harfbuzz$/ }, () => ({ path: 'harfbuzz', namespace: 'quotecard-harfbuzz' }));
      build.onLoad({ filter: /.*/, namespace: 'quotecard-harfbuzz' }, () => ({
        contents: "export { __quotecardLoadHarfBuzz as loadHarfBuzz } from 'satori/standalone';",
        resolveDir: root,
        loader: 'js',
      }));
      build.onLoad({ filter: /[\\/]satori[\\/]dist[\\/]standalone\.js$/ }, (args) =>
        resolve(args.path) === standalone ? { contents: satoriStandalone(root).code, loader: 'js' } : undefined,
      );
    },
  };
}
