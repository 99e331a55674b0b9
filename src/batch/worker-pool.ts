/**
 * The pool of worker threads that draw cards (piscina). One task per free worker at a time, so a
 * card's timeout counts its own drawing, not its wait in a queue. A worker that dies (crash) or runs
 * past the timeout (terminated by piscina on abort) fails only its card; piscina starts a new one.
 * Optionally the whole pool is replaced after every `recycleAfter` cards per worker, which hands all
 * native memory back to the system.
 *
 * The worker module sits next to this one: `worker.ts` run through tsx from source (vitest, tsx),
 * `worker.js` / `worker.cjs` next to the bundle in `dist/`.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { FontInput } from '../types.js';
import type { CardReply, CardTask } from './worker.js';

/** How the pool is set up. */
export interface PoolOptions {
  /** Worker threads. */
  threads: number;
  /** Milliseconds one card may take. */
  timeout: number;
  /** Fonts every worker loads once. */
  fonts: FontInput[];
  /** Replace the pool after this many cards per thread (0: never). */
  recycleAfter: number;
}

/** A drawn card, or why there is none. */
export type DrawOutcome =
  | Extract<CardReply, { ok: true }>
  | { ok: false; reason: 'error' | 'crash' | 'timeout'; message: string };

/** Where the worker module is and how to start it, for the way this module itself was loaded. */
export function workerEntry(moduleUrl: string = import.meta.url): { filename: string; execArgv: string[] } {
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
 * Heap limits per worker. A render makes ~150 MB of short-lived garbage that V8 would otherwise let
 * pile up in every worker's heap; a small young generation (8 MB) and a capped old one keep a
 * 2-worker batch near 300 MB instead of 500–600 MB for about 5% more CPU. The cap leaves room for
 * the bundled fonts plus three times the bytes of any extra fonts (parsed glyph tables).
 */
export function workerLimits(fonts: readonly { data: Uint8Array | ArrayBuffer }[]): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  const fontMb = fonts.reduce((n, f) => n + f.data.byteLength, 0) / 1_048_576;
  return { maxOldGenerationSizeMb: Math.ceil(192 + 3 * fontMb), maxYoungGenerationSizeMb: 8 };
}

/** A bounded pool: `draw()` waits for a free worker, then gives the card `timeout` ms. */
export class CardPool {
  readonly #options: PoolOptions;
  #pool: Piscina | undefined;
  #free: number;
  readonly #waiting: Array<() => void> = [];
  readonly #running = new Set<Promise<unknown>>();
  #sinceRecycle = 0;
  #recycling: Promise<void> | undefined;

  constructor(options: PoolOptions) {
    this.#options = options;
    this.#free = options.threads;
  }

  #create(): Piscina {
    const { filename, execArgv } = workerEntry();
    return new Piscina({
      filename,
      execArgv,
      minThreads: this.#options.threads,
      maxThreads: this.#options.threads,
      idleTimeout: 60_000,
      workerData: { fonts: this.#options.fonts },
      resourceLimits: workerLimits(this.#options.fonts),
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

  async #run(pool: Piscina, task: CardTask, again = false): Promise<DrawOutcome> {
    const signal = AbortSignal.timeout(this.#options.timeout);
    try {
      const reply = (await pool.run(task, { signal })) as CardReply | undefined;
      if (reply?.ok === true) return reply;
      if (reply?.ok !== false) return { ok: false, reason: 'error', message: 'The worker sent back no card.' };
      return { ok: false, reason: 'error', message: reply.message };
    } catch (error) {
      if (signal.aborted) {
        return { ok: false, reason: 'timeout', message: `The card took longer than ${this.#options.timeout} ms; its worker was stopped and replaced.` };
      }
      const message = error instanceof Error ? error.message : String(error);
      const times = again ? 'twice, on two workers' : 'once';
      return { ok: false, reason: 'crash', message: `The worker drawing the card died ${times} (${message}); it was replaced.` };
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

  /** Stop every worker. */
  async close(): Promise<void> {
    while (this.#recycling) await this.#recycling;
    await Promise.allSettled([...this.#running]);
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.destroy();
  }
}
