/**
 * The manifest written while a batch runs, so a run that is killed keeps what it finished: every
 * `every` settled cards the finished part is written (atomically, as the final manifest is), and the
 * next run draws only the rest. An article whose cards are not all settled is written without its hash,
 * so the next run plans it again and reuses the cards it finds.
 */
import type { ManifestArticle } from '../types.js';

/** Settled cards between two checkpoint writes. */
export const CHECKPOINT_CARDS = 100;

/** Calls `write` after every `every` ticks, one write at a time (a tick during a write is counted toward the next). */
export class Checkpoint {
  private count = 0;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly every: number,
    private readonly write: () => Promise<unknown>,
  ) {}

  /** One more card settled. */
  tick(): void {
    if (++this.count < this.every) return;
    this.count = 0;
    // a failed checkpoint is not fatal: the final manifest is still written, and it reports any error
    this.writing = this.writing.then(this.write).catch(() => undefined);
  }

  /** Resolves when no write is in progress. */
  idle(): Promise<unknown> {
    return this.writing;
  }
}

/**
 * The articles as far as they are finished: settled cards only, and no hash for an article with cards
 * still to come (`planned` counts the cards each read article will have).
 */
export function finishedSoFar(articles: readonly ManifestArticle[], planned: ReadonlyMap<ManifestArticle, number>): ManifestArticle[] {
  return articles.map((a) => {
    const cards = a.cards.filter(Boolean);
    const total = planned.get(a) ?? a.cards.length;
    return cards.length === total ? { ...a, cards } : { ...a, hash: '', cards };
  });
}
