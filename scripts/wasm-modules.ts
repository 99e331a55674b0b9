/**
 * `quotecard/wasm/modules` for the hosts that refuse to compile WebAssembly from bytes but compile a `.wasm`
 * import when they build: Next's edge runtime (`edge-light`: `import m from './x.wasm?module'`, which
 * Turbopack and webpack resolve beside the importing file but not through a package's exports) and workerd
 * (`workerd`: wrangler imports `./x.wasm` as a `WebAssembly.Module`). Each file re-exports the three modules
 * beside the build under the names of src/wasm/modules.ts (the entry elsewhere, and the types of all three).
 * Written into dist/ by scripts/wasm-graph.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NAMES = ['yoga', 'resvg', 'harfbuzz'] as const;

const reexports = (suffix: string) => NAMES.map((name) => `export { default as ${name} } from './${name}.wasm${suffix}';\n`).join('');

/** The files, by name in dist/. */
export const WASM_MODULES_FILES: Readonly<Record<string, string>> = {
  'wasm-modules.edge-light.js': `// quotecard/wasm/modules in Next's edge runtime: a \`?module\` import is the compiled module.\n${reexports('?module')}`,
  'wasm-modules.workerd.js': `// quotecard/wasm/modules in workerd: wrangler imports a .wasm file as the compiled module.\n${reexports('')}`,
};

/** Writes the files into `outDir`. */
export function writeWasmModules(outDir: string): void {
  for (const [name, text] of Object.entries(WASM_MODULES_FILES)) writeFileSync(join(outDir, name), text);
}
