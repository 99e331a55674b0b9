/**
 * How quotecard/wasm is built (tsup.config.ts, and the tests that build it themselves the same way): one
 * self-contained file per format, every dependency bundled, so a page, a Worker or an edge function loads
 * it with no resolver. Its module graph, as an esbuild plugin: the card pipeline is shared with the Node
 * build, and the few modules that read files or load native code are swapped for src/wasm/ ones of the
 * same exports; node:zlib becomes fflate's inflate; any other node: import fails the build; the bundled
 * fonts are embedded as base64.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import type { Options } from 'tsup';
import { satoriHarfBuzz, satoriStandalone } from './wasm-harfbuzz.js';
import { writeWasmModules } from './wasm-modules.js';

/** Modules of src/ (by path from the root) and their WebAssembly-build replacements. */
export const WASM_SWAPS: Readonly<Record<string, string>> = {
  'src/fonts/bundled.ts': 'src/wasm/bundled-fonts.ts',
  'src/fonts/emoji.ts': 'src/wasm/emoji.ts',
  'src/fonts/optional-fonts.ts': 'src/wasm/optional-fonts.ts',
  'src/shared/package-require.ts': 'src/wasm/package-require.ts',
};

/** The WebAssembly modules copied beside the build, by the name src/wasm/wasm-init.ts looks for. */
export const WASM_FILES: Readonly<Record<string, string>> = {
  'yoga.wasm': 'node_modules/satori/layout.wasm',
  'resvg.wasm': 'node_modules/@resvg/resvg-wasm/index_bg.wasm',
};

/** The plugin, for the repository at `root`. */
export function wasmGraph(root: string): Plugin {
  return {
    name: 'quotecard-wasm-graph',
    setup(build) {
      build.onResolve({ filter: /^(?:node:)?zlib$/ }, () => ({ path: resolve(root, 'src/wasm/zlib.ts') }));
      build.onResolve({ filter: /^node:/ }, (args) => ({
        errors: [{ text: `${args.path} imported by ${relative(root, args.importer)}: the WebAssembly build may not import node: modules` }],
      }));
      build.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (args) => {
        const source = relative(root, resolve(args.resolveDir, args.path)).replace(/\.js$/, '.ts');
        const swap = WASM_SWAPS[source];
        return swap ? { path: resolve(root, swap) } : undefined;
      });
      build.onResolve({ filter: /^quotecard:font-bytes$/ }, () => ({ path: 'font-bytes', namespace: 'quotecard' }));
      build.onLoad({ filter: /.*/, namespace: 'quotecard' }, () => {
        const files = readdirSync(join(root, 'fonts')).filter((f) => f.endsWith('.ttf')).sort();
        const bytes = Object.fromEntries(files.map((f) => [f, readFileSync(join(root, 'fonts', f)).toString('base64')]));
        return { contents: `export default ${JSON.stringify(bytes)};`, loader: 'js' };
      });
    },
  };
}

/** The tsup options of the entry, writing dist/wasm.js, wasm.cjs, quotecard/wasm/modules and the three .wasm files into `outDir`. */
export function wasmBuild(root: string, outDir: string): Options {
  return {
    entry: { wasm: join(root, 'src/wasm/index.ts'), 'wasm-modules': join(root, 'src/wasm/modules.ts') },
    outDir,
    format: ['esm', 'cjs'],
    // WebAssembly.Module and Response appear in its types: the DOM library declares them
    dts: { compilerOptions: { lib: ['ES2023', 'DOM'] } },
    shims: true,
    clean: false,
    sourcemap: false,
    target: 'es2022',
    platform: 'browser',
    splitting: false,
    // bundled whole: no bare import is left for a browser or a Worker to resolve
    noExternal: [/./],
    removeNodeProtocol: false,
    esbuildPlugins: [wasmGraph(root), satoriHarfBuzz(root)],
    onSuccess: async () => {
      for (const [name, from] of Object.entries(WASM_FILES)) copyFileSync(join(root, from), join(outDir, name));
      writeFileSync(join(outDir, 'harfbuzz.wasm'), satoriStandalone(root).harfbuzz);
      writeWasmModules(outDir);
    },
  };
}
