/**
 * Links inside a post's words: which are media links (pic.twitter.com), which trail the text
 * (t.co links Twitter appends for media and quoted posts), and how to move them out of the text.
 */

/** A t.co short link or a pic.twitter.com / pic.x.com media link, written with or without a scheme. */
const SHORT_OR_MEDIA = /^(?:https?:\/\/)?(?:t\.co\/[A-Za-z0-9]{1,20}|pic\.(?:twitter|x)\.com\/[A-Za-z0-9]{1,20})\/?$/i;
const MEDIA = /(?:https?:\/\/)?pic\.(?:twitter|x)\.com\/[A-Za-z0-9]{1,20}\/?/gi;
/** Any http(s) URL or a bare pic.twitter.com link, as a token. */
const URL_TOKEN = /(?:https?:\/\/[^\s<>"“”]+|pic\.(?:twitter|x)\.com\/[A-Za-z0-9]{1,20})/gi;

/** A link written the way `Post.links` holds it: with a scheme, no trailing punctuation. */
export function normaliseLink(link: string): string {
  const trimmed = link.replace(/[.,;:!?)\]…]+$/, '');
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** Whether a token is a t.co or pic.twitter.com link. */
export function isShortOrMediaLink(token: string): boolean {
  return SHORT_OR_MEDIA.test(token.replace(/[.,;:!?…]+$/, ''));
}

/** Whether the line ends in a t.co or pic.twitter.com link. */
export function endsWithShortLink(line: string): boolean {
  const last = line.trim().split(/\s+/).pop() ?? '';
  return isShortOrMediaLink(last);
}

/** Every URL written in the text, in order, normalised. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(URL_TOKEN)].map((m) => normaliseLink(m[0]));
}

/**
 * The text a card shows from a tweet's words (its links are listed apart, see `linksIn`).
 * Media links (pic.twitter.com) are removed wherever they stand. When the words end in a media link,
 * that is the attachment and links before it are the author's; otherwise trailing t.co links (what a
 * copied embed shows for media and quoted posts) are removed too. Line breaks are kept.
 */
export function tweetText(raw: string): string {
  const endsInMedia = /pic\.(?:twitter|x)\.com\/[A-Za-z0-9]{1,20}\/?\s*$/i.test(raw);
  let text = raw.replace(MEDIA, '');
  while (!endsInMedia) {
    const m = /(?:^|\s)(\S+)\s*$/.exec(text);
    if (!m || !isShortOrMediaLink(m[1] ?? '')) break;
    text = text.slice(0, m.index);
  }
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]{2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Words that mean the post is gone: deleted, withheld, or from a suspended account. */
export const TOMBSTONE =
  /^(?:this (?:tweet|post) (?:was deleted|has been deleted|is unavailable|is not available|is no longer available|is from (?:an account that no longer exists|a suspended account)|has been withheld|violated)|tweet may have been deleted|(?:sorry, )?(?:that|this) (?:tweet|post) (?:doesn['’]t|does not) exist|this post is unavailable)/i;
