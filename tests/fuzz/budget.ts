/**
 * The budget every fuzz case runs in: a case that takes longer than CASE_MS, or leaves the process's
 * resident set more than CASE_MB above where it was, fails its property like a crash would. A hostile
 * input must cost what the limits allow, not merely end.
 */
import fc from 'fast-check';

/** Most wall time one case may take (a PNG card is some 30 ms; a 1 MB article under a second). */
export const CASE_MS = 5_000;
/** Most the resident set may rise in one case (a card's pixels and fonts are tens of MB). */
export const CASE_MB = 400;

/** Highest time and memory rise seen in any case, for the fuzz report. */
export const worst = { ms: 0, mb: 0 };

function measure(started: number, rss: number): void {
  const ms = performance.now() - started;
  const mb = (process.memoryUsage.rss() - rss) / 1_048_576;
  worst.ms = Math.max(worst.ms, ms);
  worst.mb = Math.max(worst.mb, mb);
  if (ms > CASE_MS) throw new Error(`over budget: the case took ${Math.round(ms)} ms (at most ${CASE_MS})`);
  if (mb > CASE_MB) throw new Error(`over budget: the resident set rose ${Math.round(mb)} MB in the case (at most ${CASE_MB})`);
}

/** `fn` measured against the budget. */
function within<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    const started = performance.now();
    const rss = process.memoryUsage.rss();
    const result = fn(...args);
    measure(started, rss);
    return result;
  };
}

function withinAsync<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    const started = performance.now();
    const rss = process.memoryUsage.rss();
    const result = await fn(...args);
    measure(started, rss);
    return result;
  };
}

/** `fc.property` whose predicate runs in the budget. */
export const property = ((...args: unknown[]) => {
  const predicate = args.pop() as (...a: unknown[]) => unknown;
  return (fc.property as (...a: unknown[]) => unknown)(...args, within(predicate));
}) as typeof fc.property;

/** `fc.asyncProperty` whose predicate runs in the budget. */
export const asyncProperty = ((...args: unknown[]) => {
  const predicate = args.pop() as (...a: unknown[]) => Promise<unknown>;
  return (fc.asyncProperty as (...a: unknown[]) => unknown)(...args, withinAsync(predicate));
}) as typeof fc.asyncProperty;
