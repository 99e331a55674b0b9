/**
 * A post's text as tokens: plain runs, @mentions, #hashtags, $cashtags and links (the card draws all
 * but plain runs in the accent colour). Links are shown the way the networks show them — without the
 * scheme and cut to a readable length — and t.co / pic.twitter.com media links become a media note.
 */

/** One run of a post's text. */
export interface RichToken {
  kind: 'text' | 'mention' | 'hashtag' | 'cashtag' | 'link';
  /** The text as drawn. */
  text: string;
  /** For links: the full address. */
  href?: string;
}

/** Longest link shown, in characters, before it is cut with "…". */
export const LINK_DISPLAY_MAX = 30;

const URL_PATTERN = String.raw`(?:https?:\/\/|www\.|(?<![\p{L}\p{N}_.\/])(?:pic\.(?:twitter|x)\.com|t\.co)\/)[^\s<>"“”]*[^\s<>"“”.,;:!?'’)\]}]`;
const TOKEN = new RegExp(
  [
    URL_PATTERN,
    String.raw`(?<![\p{L}\p{N}_@.])@[A-Za-z0-9_][A-Za-z0-9_.]{0,29}(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?(?<!\.)`,
    String.raw`(?<![\p{L}\p{N}_&#])[#＃][\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*`,
    String.raw`(?<![\p{L}\p{N}_$])\$[A-Za-z]{1,6}(?:\.[A-Za-z]{1,2})?(?![\p{L}\p{N}_])`,
  ].join('|'),
  'gu',
);
const MEDIA_LINK = /^(?:https?:\/\/)?(?:www\.)?(?:t\.co|pic\.twitter\.com|pic\.x\.com)\//i;

/** True for t.co and pic.twitter.com links: media (or wrapped links) the card notes instead of printing. */
export function isMediaLink(url: string): boolean {
  return MEDIA_LINK.test(url);
}

/** A link as the networks print it: "example.com/path/to/a…". */
export function displayLink(url: string, max = LINK_DISPLAY_MAX): string {
  const bare = url.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '');
  const chars = [...bare];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : bare;
}

function kindOf(match: string): RichToken['kind'] {
  if (match.startsWith('@')) return 'mention';
  if (match.startsWith('#') || match.startsWith('＃')) return 'hashtag';
  if (match.startsWith('$')) return 'cashtag';
  return 'link';
}

/** The post's text without its media links, and how many there were (in the text and in `links`). */
export function stripMediaLinks(text: string, links: readonly string[]): { text: string; media: number } {
  let media = 0;
  const kept = text
    .split('\n')
    .map((line) =>
      line.replace(new RegExp(URL_PATTERN, 'gu'), (url) => {
        if (!isMediaLink(url)) return url;
        media++;
        return '';
      }),
    )
    .map((line) => line.replace(/[ \t]{2,}/g, ' ').trimEnd());
  const fromLinks = links.filter((l) => isMediaLink(l) && !text.includes(l)).length;
  const cleaned = kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { text: cleaned, media: media + fromLinks };
}

/** Split `text` into tokens, links shortened for display. Concatenating the tokens' text gives the drawn text. */
export function tokenize(text: string): RichToken[] {
  const tokens: RichToken[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    if (start > last) tokens.push({ kind: 'text', text: text.slice(last, start) });
    const raw = match[0];
    const kind = kindOf(raw);
    tokens.push(kind === 'link' ? { kind, text: displayLink(raw), href: raw } : { kind, text: raw });
    last = start + raw.length;
  }
  if (last < text.length) tokens.push({ kind: 'text', text: text.slice(last) });
  return tokens;
}

/**
 * Map drawn lines back onto tokens: for each line (starting at `starts[i]` in `drawn`), the runs of
 * tokens it holds, split where lines break. A cut line's closing "…" becomes a plain run.
 */
export function tokensByLine(tokens: readonly RichToken[], lines: readonly string[], starts: readonly number[], drawn: string): RichToken[][] {
  const bounds: Array<{ start: number; end: number; token: RichToken }> = [];
  let at = 0;
  for (const token of tokens) {
    bounds.push({ start: at, end: at + token.text.length, token });
    at += token.text.length;
  }
  return lines.map((line, i) => {
    const from = starts[i] ?? 0;
    const covered = drawn.startsWith(line, from) ? line.length : Math.max(0, line.length - 1);
    const to = from + covered;
    const runs: RichToken[] = [];
    for (const b of bounds) {
      if (b.end <= from || b.start >= to) continue;
      const piece = b.token.text.slice(Math.max(0, from - b.start), Math.min(b.token.text.length, to - b.start));
      if (piece) runs.push({ ...b.token, text: piece });
    }
    if (covered < line.length) runs.push({ kind: 'text', text: line.slice(covered) });
    return runs;
  });
}
