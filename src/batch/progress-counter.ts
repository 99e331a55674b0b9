/** Counts of a running batch, reported to `onProgress` as articles and cards settle. */
import type { BatchProgress } from '../types.js';

/** Tracks articles and cards as they settle and calls the listener with a fresh snapshot each time. */
export class ProgressCounter {
  readonly #started = performance.now();
  readonly #listener: ((progress: BatchProgress) => void) | undefined;
  readonly #open = new Map<string, number>();
  readonly counts = { articlesDone: 0, articlesTotal: 0, cardsDone: 0, cardsKnown: 0, rendered: 0, cached: 0, failed: 0 };

  constructor(articlesTotal: number, listener?: (progress: BatchProgress) => void) {
    this.counts.articlesTotal = articlesTotal;
    this.#listener = listener;
  }

  /** An article with `cards` cards to settle (0: it is done now). */
  article(id: string, cards: number): void {
    this.counts.cardsKnown += cards;
    if (cards === 0) this.#articleDone();
    else this.#open.set(id, cards);
    if (cards === 0) this.#emit();
  }

  /** A card of article `id` settled. */
  card(id: string, status: 'rendered' | 'cached' | 'failed'): void {
    this.counts.cardsDone++;
    this.counts[status]++;
    const left = (this.#open.get(id) ?? 1) - 1;
    if (left <= 0) {
      this.#open.delete(id);
      this.#articleDone();
    } else this.#open.set(id, left);
    this.#emit();
  }

  /** Milliseconds since the batch started. */
  elapsed(): number {
    return performance.now() - this.#started;
  }

  #articleDone(): void {
    this.counts.articlesDone++;
  }

  #emit(): void {
    this.#listener?.({ ...this.counts, elapsedMs: this.elapsed() });
  }
}
