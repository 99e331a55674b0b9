/** How a quote's speaker is written on a card and in its alt text. */
import type { Speaker } from '../types.js';

/**
 * The speaker's name as the card shows it: a person's fullest name; an organisation or an unnamed source
 * as the article gives it, opening with a capital ("The Pentagon", "A spokeswoman for Disney");
 * nothing for a pronoun the article never resolves.
 */
export function speakerLabel(speaker: Speaker | undefined): string | undefined {
  const name = speaker?.name?.trim();
  if (!name) return undefined;
  if (speaker?.kind === 'organization' || speaker?.kind === 'description') {
    // "the Pentagon" as written, not "Pentagon": the article's article before the name is kept
    const mention = speaker.mention?.trim();
    const written = mention && /^(?:the|a|an) /iu.test(mention) && mention.slice(mention.indexOf(' ') + 1) === name ? mention : name;
    return written.charAt(0).toLocaleUpperCase() + written.slice(1);
  }
  return name;
}
