/**
 * The same words quoted twice — a pull quote repeating a sentence of the body, or a quote a page prints
 * again — are one quotation: listed once, keeping the copy that has a speaker (else the first). A pull
 * quote printing only part of a longer body quote (at least `MIN_CONTAINED` characters of it) is that
 * quotation again too, unless it alone says who spoke.
 */
import type { Quote } from '../types.js';
import { quoteKey } from './quote-text.js';

/** Shortest quote (compared form) taken as a repeat of a longer quote that contains it. */
export const MIN_CONTAINED = 40;

/** Most characters the containment pass reads (candidates × all quotes' text): bounded on hostile pages. */
const CONTAINMENT_WORK = 20_000_000;

/** The same words quoted twice (a pull quote repeating the body): listed once, the attributed copy kept. */
export function withoutRepeats(quotes: Quote[]): { quotes: Quote[]; repeated: number } {
  const seen = new Map<string, number>();
  const out: Array<{ quote: Quote; key: string } | undefined> = [];
  let repeated = 0;
  for (const q of quotes) {
    const key = quoteKey(q.text);
    const at = seen.get(key);
    if (at === undefined) {
      seen.set(key, out.length);
      out.push({ quote: q, key });
      continue;
    }
    repeated++;
    const kept = out[at]?.quote as Quote;
    if (!kept.speaker && q.speaker) {
      out[at] = undefined;
      seen.set(key, out.length);
      out.push({ quote: q, key });
    }
  }
  const unique = out.filter((entry) => entry !== undefined);
  const contained = containedRepeats(
    unique.map((entry) => entry.quote),
    unique.map((entry) => entry.key),
  );
  return { quotes: unique.flatMap((entry, i) => (contained.has(i) ? [] : [entry.quote])), repeated: repeated + contained.size };
}

/** Indices of quotes whose words (`keys`: their compared forms) lie inside another, longer quote that has a speaker whenever they do. */
function containedRepeats(quotes: Quote[], keys: string[]): Set<number> {
  const drop = new Set<number>();
  const candidates = keys.flatMap((k, i) => (k.length >= MIN_CONTAINED ? [i] : []));
  const joined = keys.join('\u0000');
  if (candidates.length < 1 || keys.length < 2 || candidates.length * joined.length > CONTAINMENT_WORK) return drop;
  const starts: number[] = [];
  let at = 0;
  for (const k of keys) {
    starts.push(at);
    at += k.length + 1;
  }
  const owner = (pos: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const i of candidates) {
    const key = keys[i] as string;
    for (let pos = joined.indexOf(key); pos >= 0; pos = joined.indexOf(key, pos + 1)) {
      const j = owner(pos);
      if (j === i || drop.has(j) || (keys[j] as string).length <= key.length) continue;
      if (quotes[i]?.speaker && !quotes[j]?.speaker) continue;
      drop.add(i);
      break;
    }
  }
  return drop;
}
