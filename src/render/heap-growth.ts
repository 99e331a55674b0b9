/**
 * How far V8 lets its heap grow between full collections while cards are drawn.
 *
 * V8 sizes the old generation after each full collection as the live size times a factor it picks from
 * 1.1 to 4, the larger the cheaper collection looks next to allocation. Drawing cards is that case: satori
 * allocates a few megabytes per card, almost all short-lived, over ~35 MB of live fonts and code, so a
 * long run of cards grew the heap to ~190 MB and the process to 340–360 MB. On the first card quotecard pins
 * the factor at 2 (`--heap-growing-percent=100`, the ceiling V8 itself uses for memory-constrained heaps):
 * 5,000 cards then peak at ~250 MB, with no measurable change in speed.
 *
 * It is a process-wide V8 setting, so it is left alone when the process was started with its own
 * `--heap-growing-percent` or a sized old generation (`--max-old-space-size`: V8 then scales its factor down
 * itself, to 1.3–2 below 1 GB — the batch's worker processes are started so), and `QUOTECARD_HEAP_GROWTH`
 * overrides it: `off` keeps V8's own policy, a number from 10 to 300 sets that percentage instead.
 *
 * The young generation has its own file (young-generation.ts).
 */
import { setFlagsFromString } from 'node:v8';
import { InputError } from '../errors.js';

/** The environment, as quotecard reads it. */
export type ProcessEnv = Readonly<Record<string, string | undefined>>;

/** Whether the process was started with a V8 flag matching `flag`, on its command line or in NODE_OPTIONS. */
export function startedWithFlag(flag: RegExp, execArgv: readonly string[], env: ProcessEnv): boolean {
  return execArgv.some((arg) => flag.test(arg)) || flag.test(env.NODE_OPTIONS ?? '');
}

/** `QUOTECARD_HEAP_GROWTH=off`: leave V8's heap sizing (old and young generation) to V8. */
export function heapTuningOff(env: ProcessEnv): boolean {
  return env.QUOTECARD_HEAP_GROWTH?.trim().toLowerCase() === 'off';
}

/** The growth applied when nothing says otherwise, in percent of the live heap. */
export const DEFAULT_HEAP_GROWTH = 100;

/**
 * What to do, from the process's flags and environment: a percentage to set, or undefined for nothing.
 * An unusable `QUOTECARD_HEAP_GROWTH` is an `InputError`.
 */
export function heapGrowthSetting(execArgv: readonly string[], env: ProcessEnv): number | undefined {
  if (startedWithFlag(/--(?:heap[-_]growing[-_]percent|max[-_]old[-_]space[-_]size)/, execArgv, env)) return undefined;
  const wanted = env.QUOTECARD_HEAP_GROWTH?.trim().toLowerCase();
  if (wanted === undefined || wanted === '') return DEFAULT_HEAP_GROWTH;
  if (heapTuningOff(env)) return undefined;
  const percent = Number(wanted);
  if (Number.isInteger(percent) && percent >= 10 && percent <= 300) return percent;
  throw InputError.invalid('QUOTECARD_HEAP_GROWTH', '"off" or a whole number of percent from 10 to 300', env.QUOTECARD_HEAP_GROWTH, 'environment variable');
}

let applied = false;

/** Apply the heap growth setting once per process (thread), before the first card is drawn. */
export function applyHeapGrowth(): void {
  if (applied) return;
  const percent = heapGrowthSetting(process.execArgv, process.env);
  applied = true;
  if (percent !== undefined) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
