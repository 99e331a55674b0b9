/**
 * What quotecard/wasm loads before its first card: satori's layout engine (yoga, `yoga.wasm`), resvg
 * (`resvg.wasm`) and satori's text shaper (HarfBuzz, `harfbuzz.wasm`), all three beside the build in dist/
 * (scripts/wasm-graph.ts), and the emoji pack (`emoji/twemoji.pack`).
 *
 * `initWasm({ yoga, resvg, harfbuzz, emoji })` takes each module as a compiled `WebAssembly.Module` (what
 * workerd gives for `import yoga from 'quotecard/wasm/yoga.wasm'`, since Workers may not compile WebAssembly
 * from bytes; `quotecard/wasm/modules` imports all three so in workerd and Next's edge runtime), bytes, a
 * `Response`, a URL, or a promise of one; the pack as bytes, a `Response` or a URL.
 * Without it, the first card loads them itself: in Node from the package's files (read with
 * `process.getBuiltinModule`, so the module graph has no `node:` import), elsewhere with
 * `fetch(new URL('./x.wasm', import.meta.url))`, the pattern Vite, webpack and Next's edge runtime follow.
 * A pack that cannot be loaded leaves emoji blank, said in each card's warnings; a module that cannot be
 * loaded is a `RenderError` "wasm-failed".
 */
import { initWasm as initResvg } from '@resvg/resvg-wasm';
import { loadHarfBuzz, type WasmImports, type WasmInstance } from 'quotecard:harfbuzz';
import { init as initYoga } from 'satori/standalone';
import { emojiPackUrl } from '../assets.js';
import { RenderError } from '../errors.js';
import { readEmojiPack } from '../fonts/emoji-pack.js';
import { setEmojiLookup } from './emoji.js';

type Loadable<T> = T | Response | URL | string | PromiseLike<T | Response>;

/** A WebAssembly module as `initWasm` takes it. */
export type WasmInput = Loadable<WebAssembly.Module | ArrayBuffer | ArrayBufferView>;

/** What `initWasm` takes; any may be left out to load it the default way. */
export interface WasmModules {
  /** satori's layout engine: the package's `quotecard/wasm/yoga.wasm`. */
  yoga?: WasmInput;
  /** resvg: the package's `quotecard/wasm/resvg.wasm`. */
  resvg?: WasmInput;
  /** satori's text shaper, HarfBuzz: the package's `quotecard/wasm/harfbuzz.wasm`. */
  harfbuzz?: WasmInput;
  /** The emoji pack: the package's `quotecard/emoji/twemoji.pack` (emoji are blank without it). */
  emoji?: Loadable<ArrayBuffer | ArrayBufferView>;
}

type NodeFs = { readFileSync(path: URL): Uint8Array };
type NodeProcess = { getBuiltinModule?: (id: string) => unknown };

/** The default source of a file: its bytes in Node, a fetch of its URL elsewhere. */
function defaultInput(url: URL): Uint8Array | Promise<Response> {
  const process = (globalThis as { process?: NodeProcess }).process;
  const fs = url.protocol === 'file:' ? (process?.getBuiltinModule?.('node:fs') as NodeFs | undefined) : undefined;
  if (fs) return fs.readFileSync(url);
  return fetch(url);
}

/** The pack's bytes from whatever form it was given in, or why there are none. */
async function packBytes(input: NonNullable<WasmModules['emoji']>): Promise<Uint8Array | string> {
  const given = await (typeof input === 'string' || input instanceof URL ? fetch(input) : input);
  if (given instanceof Response) {
    if (!given.ok) return `HTTP ${given.status} for ${given.url}`;
    return new Uint8Array(await given.arrayBuffer());
  }
  if (ArrayBuffer.isView(given)) return new Uint8Array(given.buffer, given.byteOffset, given.byteLength);
  return new Uint8Array(given);
}

async function loadEmoji(input: WasmModules['emoji']): Promise<void> {
  const why = (problem: string) => `the emoji pack could not be loaded (${problem}; pass it to initWasm({ emoji }))`;
  try {
    const bytes = await packBytes(input ?? defaultInput(emojiPackUrl()));
    if (typeof bytes === 'string') setEmojiLookup(undefined, why(bytes));
    else setEmojiLookup(readEmojiPack(bytes).lookup);
  } catch (error) {
    setEmojiLookup(undefined, why(error instanceof Error ? error.message : String(error)));
  }
}

/** The engine's WebAssembly object (the project's type libraries declare only its types). */
function engine(): {
  Module: (abstract new (...args: never[]) => WebAssembly.Module) & { exports(module: unknown): unknown };
  compile(bytes: ArrayBuffer | ArrayBufferView): Promise<WebAssembly.Module>;
  instantiate(module: WebAssembly.Module, imports: WasmImports): Promise<WasmInstance>;
} {
  return (globalThis as unknown as { WebAssembly: ReturnType<typeof engine> }).WebAssembly;
}

/**
 * Whether `value` is a compiled module, also one of another realm: Next's edge sandbox hands over modules
 * imported with `?module` compiled outside it, which are no instance of the sandbox's `WebAssembly.Module`.
 * `WebAssembly.Module.exports` checks what the value is, not its prototype, and throws for anything else.
 */
function isModule(value: object): boolean {
  if (value instanceof engine().Module) return true;
  try {
    engine().Module.exports(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The compiled module of `input`. Compiled here, not by satori or resvg: satori's loader reports a module
 * that fails to compile only as an unhandled rejection after `init` has resolved.
 */
async function compiled(input: WasmInput): Promise<WebAssembly.Module> {
  const given: object = await (typeof input === 'string' || input instanceof URL ? fetch(input) : input);
  if (isModule(given)) return given as WebAssembly.Module;
  if (given instanceof Response) return engine().compile(await given.arrayBuffer());
  return engine().compile(given as ArrayBuffer | ArrayBufferView);
}

/**
 * HarfBuzz started from its compiled module: its emscripten loader asks for an instance through the
 * `instantiateWasm` hook, and this rejects if instantiating fails (the loader itself would wait forever).
 */
function startHarfBuzz(module: WebAssembly.Module): Promise<void> {
  return new Promise((resolve, reject) => {
    loadHarfBuzz({
      instantiateWasm(imports, receive) {
        engine().instantiate(module, imports).then(receive, reject);
        return {};
      },
    }).then(resolve, reject);
  });
}

let ready: Promise<void> | undefined;

async function load(modules: WasmModules): Promise<void> {
  const emoji = loadEmoji(modules.emoji);
  try {
    const [yoga, resvg, harfbuzz] = await Promise.all([
      compiled(modules.yoga ?? defaultInput(new URL('./yoga.wasm', import.meta.url))),
      compiled(modules.resvg ?? defaultInput(new URL('./resvg.wasm', import.meta.url))),
      compiled(modules.harfbuzz ?? defaultInput(new URL('./harfbuzz.wasm', import.meta.url))),
    ]);
    // HarfBuzz first: a module that does not instantiate fails here, before resvg's once-only init has run
    await startHarfBuzz(harfbuzz);
    await Promise.all([initYoga(yoga), initResvg(resvg)]);
  } catch (error) {
    throw new RenderError('wasm-failed', 'quotecard/wasm could not load its WebAssembly modules', {
      field: 'initWasm',
      allowed: 'yoga.wasm, resvg.wasm and harfbuzz.wasm of this package, as WebAssembly.Module, bytes, Response or URL (docs/hosts.md)',
      received: String(error),
      cause: error,
    });
  }
  await emoji;
}

/**
 * Load the WebAssembly modules and the emoji pack (once; later calls return the same promise). Call it
 * before the first card where the defaults cannot work (workerd: pass the imported modules); a failed
 * load may be retried.
 */
export function initWasm(modules: WasmModules = {}): Promise<void> {
  if (!ready) {
    const loading = load(modules);
    ready = loading;
    loading.catch(() => {
      if (ready === loading) ready = undefined;
    });
  }
  return ready;
}
