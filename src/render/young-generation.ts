/**
 * How large V8 lets its young generation (the new space, where short-lived objects are made) become.
 *
 * V8 starts the new space at 2 MB and doubles it, up to 32 MB, whenever many objects outlive a scavenge.
 * Two quotecard processes hit that for little gain:
 * - Drawing cards: satori allocates megabytes per card, so the new space of a process drawing cards grows to
 *   32 MB. Capped at 8 MB (the growth stopped once it gets there), 5,000 cards in a row peaked at 254–268 MB
 *   instead of 283–309 MB and were no slower (73 vs 76–80 s here); held at 2 MB they ran ~12% slower. So
 *   `renderCard()` calls `capYoungGeneration()` at each stage of a card (on the first card the space would
 *   otherwise double twice within one stage), which tells V8 not to grow the new space once it is 8 MB or
 *   more, and to grow it again should V8 have shrunk it below that (it can when a process idles).
 * - The batch's own process: while `renderArticles()` runs it only coordinates (extracting articles, sending
 *   tasks, keeping the manifest), but what it allocates lives just long enough that V8 doubles its new space
 *   to 32 MB, ~30 MB of resident memory for no speed (measured over 2,000 cards: that process peaked at
 *   99–105 MB, and at 70–81 MB held at 2 MB, at the same cards per second). So a batch holds it where it is.
 * Both use V8's `--semi-space-growth-factor`, which V8 reads each time it would grow the space: 1 stops the
 * growth, 2 (V8's default) is put back when neither applies. Like the heap growth setting this is
 * process-wide, so `QUOTECARD_HEAP_GROWTH=off`, or a process started with its own semi-space flags (the
 * batch's worker processes are), leaves V8 alone.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { heapTuningOff, type ProcessEnv, startedWithFlag } from './heap-growth.js';

/** V8's own factor for growing the new space (its flag's default). */
export const V8_SEMI_SPACE_GROWTH = 2;
/** The new space (both semi-spaces) of a process drawing cards stops growing at this size, in bytes. */
export const NEW_SPACE_CAP = 8 * 1024 * 1024;

/** Whether quotecard may steer the new space: not when told `off` or started with semi-space flags. */
export function steersYoungGeneration(execArgv: readonly string[], env: ProcessEnv): boolean {
  return !startedWithFlag(/--(?:max|min)[-_]semi[-_]space[-_]size|--semi[-_]space[-_]growth[-_]factor/, execArgv, env) && !heapTuningOff(env);
}

let steering: boolean | undefined;

/** `steersYoungGeneration` for this process, decided once (its flags and environment, like the heap growth). */
function steers(): boolean {
  steering ??= steersYoungGeneration(process.execArgv, process.env);
  return steering;
}

let holders = 0;
let capped = false;
let told = V8_SEMI_SPACE_GROWTH;

/** Tell V8 the factor the current holds and cap call for, when it differs from what it was last told. */
function settle(): void {
  const factor = holders > 0 || capped ? 1 : V8_SEMI_SPACE_GROWTH;
  if (factor === told) return;
  setFlagsFromString(`--semi-space-growth-factor=${factor}`);
  told = factor;
}

/** Bytes of V8's new space now (both semi-spaces). */
function newSpaceBytes(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}

/** Stop the new space growing once it reaches `NEW_SPACE_CAP`, or let it grow back up to it. */
export function capYoungGeneration(size: () => number = newSpaceBytes): void {
  if (!steers()) return;
  capped = size() >= NEW_SPACE_CAP;
  settle();
}

/**
 * Keep V8's new space from growing until the returned function is called (once per hold; holds nest,
 * so overlapping batches in one process let it grow again when the last one ends).
 */
export function holdYoungGeneration(): () => void {
  if (!steers()) return () => {};
  holders++;
  settle();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders--;
    settle();
  };
}
