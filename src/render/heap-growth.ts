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
 * The young generation is the other half. While `renderArticles()` runs, the batch's own process only
 * coordinates (extracting articles, sending tasks, keeping the manifest), but what it allocates lives just
 * long enough that V8 doubles its new space from 2 to 32 MB, ~30 MB of the process's resident set for no gain
 * in speed (measured here over 2,000 cards: the process peaked at 99–105 MB, and at 70–73 MB with the
 * new space held, at the same cards per second). So during a batch V8 is told not to grow it
 * (`--semi-space-growth-factor=1`), and after it V8's own factor (2) is put back. The same overrides apply:
 * `QUOTECARD_HEAP_GROWTH=off`, or a process started with its own semi-space flags, leaves it alone.
 */
import { setFlagsFromString } from 'node:v8';
import { InputError } from '../errors.js';

/** The growth applied when nothing says otherwise, in percent of the live heap. */
export const DEFAULT_HEAP_GROWTH = 100;

/**
 * What to do, from the process's flags and environment: a percentage to set, or undefined for nothing.
 * An unusable `QUOTECARD_HEAP_GROWTH` is an `InputError`.
 */
export function heapGrowthSetting(execArgv: readonly string[], env: Readonly<Record<string, string | undefined>>): number | undefined {
  const flagged = (text: string | undefined) => /--(?:heap[-_]growing[-_]percent|max[-_]old[-_]space[-_]size)/.test(text ?? '');
  if (execArgv.some((arg) => flagged(arg)) || flagged(env.NODE_OPTIONS)) return undefined;
  const wanted = env.QUOTECARD_HEAP_GROWTH?.trim().toLowerCase();
  if (wanted === undefined || wanted === '') return DEFAULT_HEAP_GROWTH;
  if (wanted === 'off') return undefined;
  const percent = Number(wanted);
  if (Number.isInteger(percent) && percent >= 10 && percent <= 300) return percent;
  throw InputError.invalid('QUOTECARD_HEAP_GROWTH', '"off" or a whole number of percent from 10 to 300', env.QUOTECARD_HEAP_GROWTH, 'environment variable');
}

/** V8's own factor for growing the new space (its flag's default), put back after a batch. */
export const V8_SEMI_SPACE_GROWTH = 2;

/** Whether a batch may hold the young generation: not when told `off` or started with semi-space flags. */
export function holdsYoungGeneration(execArgv: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  const flagged = (text: string | undefined) => /--(?:max|min)[-_]semi[-_]space[-_]size|--semi[-_]space[-_]growth[-_]factor/.test(text ?? '');
  if (execArgv.some((arg) => flagged(arg)) || flagged(env.NODE_OPTIONS)) return false;
  return env.QUOTECARD_HEAP_GROWTH?.trim().toLowerCase() !== 'off';
}

let youngHolders = 0;

/**
 * Keep V8's new space from growing until the returned function is called (once per hold; holds nest,
 * so overlapping batches in one process put V8's factor back when the last one ends).
 */
export function holdYoungGeneration(): () => void {
  if (!holdsYoungGeneration(process.execArgv, process.env)) return () => {};
  if (youngHolders++ === 0) setFlagsFromString('--semi-space-growth-factor=1');
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--youngHolders === 0) setFlagsFromString(`--semi-space-growth-factor=${V8_SEMI_SPACE_GROWTH}`);
  };
}

let applied = false;

/** Apply the heap growth setting once per process (thread), before the first card is drawn. */
export function applyHeapGrowth(): void {
  if (applied) return;
  const percent = heapGrowthSetting(process.execArgv, process.env);
  applied = true;
  if (percent !== undefined) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
