/**
 * What "he", "she" or "the clown" at an attribution refers to: the most recent person named before
 * it outside quotation marks, taking the first person of that sentence (usually its subject).
 */
import type { NameIndex, PersonMention } from './name-index.js';
import { sentenceStart } from './sentence-bounds.js';

/** How many mentions back a reference may reach. */
const REACH = 200;

/** The fullest name of the person a reference at `at` points to, if any. */
export function resolveReference(text: string, index: NameIndex, at: number, outside: (pos: number) => boolean): string | undefined {
  const mentions = index.mentions;
  let i = index.firstAtOrAfter(at) - 1;
  const stop = Math.max(-1, i - REACH);
  while (i > stop && !outside((mentions[i] as PersonMention).start)) i--;
  if (i <= stop) return undefined;
  const latest = mentions[i] as PersonMention;
  const from = sentenceStart(text, latest.start, 0);
  let pick = latest;
  for (let j = i - 1; j > stop; j--) {
    const m = mentions[j] as PersonMention;
    if (m.start < from) break;
    // "Tuttle’s lawyer, Angela Ruiz, …": a possessive names whose, not who
    if (outside(m.start) && !m.possessive) pick = m;
  }
  return pick.name;
}
