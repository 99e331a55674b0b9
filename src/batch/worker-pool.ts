/**
 * The pool that draws cards: one child process per worker (tinypool's `child_process` runtime).
 * A process of its own per worker means a native abort in resvg, or a worker that runs out of memory,
 * ends only that process: the card is reported, tinypool starts a new process and the batch goes on.
 * One task per free worker at a time, so a card's timeout counts its own drawing, not its wait in a
 * queue; a card past its timeout has its process killed and replaced.
 *
 * Workers run with V8's background threads off (`--single-threaded`): on N cores N workers keep every
 * core busy, and V8's helper threads would only compete with the other workers. Their heaps are capped
 * small, which makes V8 collect sooner instead of letting a worker's heap grow to four times what it
 * holds. These flags go on the command line of the processes the pool starts; the caller's own process
 * keeps V8's settings as they are.
 * Optionally the whole pool is replaced after every `recycleAfter` cards per worker.
 *
 * The worker module sits next to this one: `worker.ts` run through tsx from source (vitest, tsx),
 * `worker.js` / `worker.cjs` next to the bundle in `dist/`.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Tinypool } from 'tinypool';
import type { FontInput } from '../types.js';
import type { CardReply, CardTask } from './worker.js';
import { type FontHandoff, handFontsOver } from './worker-fonts.js';

/** How the pool is set up. */
export interface PoolOptions {
  /** Worker processes. */
  threads: number;
  /** Milliseconds one card may take. */
  timeout: number;
  /** Fonts every worker loads once. */
  fonts: FontInput[];
  /** Replace the pool after this many cards per worker (0: never). */
  recycleAfter: number;
  /** The worker module and the flags it needs. @default workerEntry() — the worker beside this module */
  worker?: WorkerEntry;
  /** URL of a templates module the workers import for tasks that name a template. */
  templates?: string;
}

/** A worker module and how to start it. */
export interface WorkerEntry {
  /** File URL of the module whose default export draws a card. */
  filename: string;
  /** Node flags it needs (tsx's loader, from source). */
  execArgv: string[];
}

/** A drawn card, or why there is none. */
export type DrawOutcome =
  | Extract<CardReply, { ok: true }>
  | { ok: false; reason: 'error' | 'crash' | 'timeout'; message: string; stage?: 'render' | 'write' };

/** Where the worker module is and how to start it, for the way this module itself was loaded. */
export function workerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  const ext = /\.([cm]?[jt]s)(?:[?#].*)?$/.exec(moduleUrl)?.[1] ?? 'js';
  if (ext.endsWith('ts')) {
    let tsx = 'tsx';
    try {
      tsx = pathToFileURL(createRequire(moduleUrl).resolve('tsx')).href;
    } catch {
      // fall back to resolving "tsx" from the working folder
    }
    return { filename: new URL(`./worker.${ext}`, moduleUrl).href, execArgv: ['--import', tsx] };
  }
  return { filename: new URL(`./worker.${ext}`, moduleUrl).href, execArgv: [] };
}

/**
 * Node and V8 flags for a worker process: no V8 helper threads, 2 MB semi-spaces and an old
 * generation capped at 128 MB plus three times the bytes of any extra fonts (parsed glyph tables).
 * A card needs well under 100 MB; a worker that still runs out is a crash of that card only.
 */
export function workerFlags(fonts: readonly { data: Uint8Array | ArrayBuffer }[]): string[] {
  const fontMb = fonts.reduce((n, f) => n + f.data.byteLength, 0) / 1_048_576;
  return ['--single-threaded', '--max-semi-space-size=2', `--max-old-space-size=${Math.ceil(128 + 3 * fontMb)}`];
}

/**
 * The environment of a worker process: the caller's, plus where the fonts and the templates module are,
 * and glibc settings that hand a card's pixel buffers (megabytes each, freed when V8 collects them)
 * straight back to the system instead of keeping them in malloc's arenas.
 */
export function workerEnv(fonts: FontHandoff | undefined, base: NodeJS.ProcessEnv = process.env, templates?: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) if (value !== undefined) env[key] = value;
  env.MALLOC_ARENA_MAX ??= '2';
  env.MALLOC_MMAP_THRESHOLD_ ??= '262144';
  env.MALLOC_TRIM_THRESHOLD_ ??= '1048576';
  if (fonts) env.QUOTECARD_WORKER_FONTS = fonts.path;
  else delete env.QUOTECARD_WORKER_FONTS;
  if (templates) env.QUOTECARD_WORKER_TEMPLATES = templates;
  else delete env.QUOTECARD_WORKER_TEMPLATES;
  return env;
}

/** A bounded pool: `draw()` waits for a free worker, then gives the card `timeout` ms. */
export class CardPool {
  readonly #options: PoolOptions;
  #pool: Tinypool | undefined;
  #fonts: FontHandoff | undefined;
  #free: number;
  readonly #waiting: Array<() => void> = [];
  readonly #running = new Set<Promise<unknown>>();
  #sinceRecycle = 0;
  #recycling: Promise<void> | undefined;

  constructor(options: PoolOptions) {
    this.#options = options;
    this.#free = options.threads;
  }

  #create(): Tinypool {
    const { filename, execArgv } = this.#options.worker ?? workerEntry();
    if (this.#options.fonts.length) this.#fonts ??= handFontsOver(this.#options.fonts);
    return new Tinypool({
      filename,
      runtime: 'child_process',
      execArgv: [...execArgv, ...workerFlags(this.#options.fonts)],
      env: workerEnv(this.#fonts, process.env, this.#options.templates),
      serialization: 'advanced',
      minThreads: this.#options.threads,
      maxThreads: this.#options.threads,
      idleTimeout: 60_000,
    });
  }

  async #slot(): Promise<void> {
    if (this.#free > 0) {
      this.#free--;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free++;
  }

  /** Draw one card on a worker. Never rejects: failures come back as `{ ok: false }`. */
  async draw(task: CardTask): Promise<DrawOutcome> {
    await this.#slot();
    try {
      while (this.#recycling) await this.#recycling;
      this.#pool ??= this.#create();
      const pool = this.#pool;
      const run = this.#run(pool, task).then((first) =>
        // A worker can die for reasons of its own (out of memory): give the card one more worker.
        first.ok || first.reason !== 'crash' ? first : this.#run(pool, task, true),
      );
      this.#running.add(run);
      try {
        return await run;
      } finally {
        this.#running.delete(run);
        this.#sinceRecycle++;
        this.#maybeRecycle();
      }
    } finally {
      this.#release();
    }
  }

  async #run(pool: Tinypool, task: CardTask, again = false): Promise<DrawOutcome> {
    const signal = AbortSignal.timeout(this.#options.timeout);
    try {
      const reply = (await pool.run(task, { signal })) as CardReply | undefined;
      if (reply?.ok === true) return reply;
      if (reply?.ok !== false) return { ok: false, reason: 'error', message: 'The worker sent back no card.' };
      return { ok: false, reason: 'error', message: reply.message, ...(reply.stage ? { stage: reply.stage } : {}) };
    } catch (error) {
      if (signal.aborted) {
        return { ok: false, reason: 'timeout', message: `The card took longer than ${this.#options.timeout} ms; its worker was stopped and replaced.` };
      }
      const message = error instanceof Error ? error.message : String(error);
      const twice = again ? ', and again when the card was tried in a second one' : '';
      return { ok: false, reason: 'crash', message: `The worker process drawing the card died (${message})${twice}; the process was replaced.` };
    }
  }

  #maybeRecycle(): void {
    const { recycleAfter, threads } = this.#options;
    if (!recycleAfter || this.#recycling || this.#sinceRecycle < recycleAfter * threads) return;
    const old = this.#pool;
    this.#recycling = (async () => {
      await Promise.allSettled([...this.#running]);
      this.#pool = undefined;
      this.#sinceRecycle = 0;
      await old?.destroy();
    })().finally(() => {
      this.#recycling = undefined;
    });
  }

  /** Stop every worker and remove the fonts handed to them. */
  async close(): Promise<void> {
    while (this.#recycling) await this.#recycling;
    await Promise.allSettled([...this.#running]);
    const pool = this.#pool;
    this.#pool = undefined;
    try {
      await pool?.destroy();
    } finally {
      this.#fonts?.remove();
      this.#fonts = undefined;
    }
  }
}
