/**
 * The same words quoted twice — a pull quote repeating a sentence of the body, or a quote a page prints
 * again — are one quotation: listed once, keeping the copy that has a speaker (else the first).
 */
import type { Quote } from '../types.js';
import { quoteKey } from './quote-text.js';

/** The same words quoted twice (a pull quote repeating the body): listed once, the attributed copy kept. */
export function withoutRepeats(quotes: Quote[]): { quotes: Quote[]; repeated: number } {
  const seen = new Map<string, number>();
  const out: Array<Quote | undefined> = [];
  let repeated = 0;
  for (const q of quotes) {
    const key = quoteKey(q.text);
    const at = seen.get(key);
    if (at === undefined) {
      seen.set(key, out.length);
      out.push(q);
      continue;
    }
    repeated++;
    const kept = out[at] as Quote;
    if (!kept.speaker && q.speaker) {
      out[at] = undefined;
      seen.set(key, out.length);
      out.push(q);
    }
  }
  return { quotes: out.filter((q): q is Quote => q !== undefined), repeated };
}
