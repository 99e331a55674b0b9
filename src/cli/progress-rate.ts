/**
 * Rate and time left from a moving window: the articles and cards settled over the last half minute,
 * so a batch that speeds up (cached cards at the start, then drawing) or slows down (a run of long
 * articles) shows the pace it has now, not its average since the start.
 */
import type { BatchProgress } from '../types.js';

/** How far back the rate looks, in milliseconds of the batch's own clock (`elapsedMs`). */
export const RATE_WINDOW_MS = 30_000;

const SAMPLE_EVERY_MS = 250;

/** Cards per second and seconds left (time left undefined until an article is done). */
export interface Pace {
  rate: number;
  eta?: number;
}

/** The average pace since the start. */
export function averagePace(p: BatchProgress): Pace {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.cardsDone / seconds : 0;
  const eta = p.articlesDone > 0 ? (seconds * (p.articlesTotal - p.articlesDone)) / p.articlesDone : undefined;
  return eta === undefined ? { rate } : { rate, eta };
}

/** Progress reports in, the pace over the last `window` ms out. */
export class MovingPace {
  private readonly samples: Array<{ ms: number; articles: number; cards: number }> = [];

  constructor(private readonly window: number = RATE_WINDOW_MS) {}

  /** Take a report and return the pace: over the window once it spans a second, else the average since the start. */
  update(p: BatchProgress): Pace {
    // a sample every quarter second is enough to place the window's edge, and keeps the list short
    const last = this.samples[this.samples.length - 1];
    if (!last || p.elapsedMs - last.ms >= SAMPLE_EVERY_MS) this.samples.push({ ms: p.elapsedMs, articles: p.articlesDone, cards: p.cardsDone });
    // keep one sample at or before the window's start, as its left edge
    while (this.samples.length > 2 && (this.samples[1]?.ms ?? 0) <= p.elapsedMs - this.window) this.samples.shift();
    const first = this.samples[0];
    const span = first ? (p.elapsedMs - first.ms) / 1000 : 0;
    if (!first || span < 1 || p.articlesDone === 0) return averagePace(p);
    const rate = (p.cardsDone - first.cards) / span;
    const articleRate = (p.articlesDone - first.articles) / span;
    const left = p.articlesTotal - p.articlesDone;
    // no article settled in the window (one long article): the average is the better guess
    const eta = left === 0 ? 0 : articleRate > 0 ? left / articleRate : averagePace(p).eta;
    return eta === undefined ? { rate } : { rate, eta };
  }
}
