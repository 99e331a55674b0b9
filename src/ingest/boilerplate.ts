/**
 * What is not the article: elements dropped whole while reading HTML, and the "Read more: …" lines
 * that link elsewhere. Embeds are recognised before these rules run, so a tweet inside a share-styled
 * wrapper is still read.
 */
import type { Element } from 'domhandler';

/** Elements whose whole subtree is never article text. */
const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select',
  'textarea', 'input', 'label', 'svg', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio', 'map', 'head',
  'title', 'meta', 'link', 'dialog', 'menu', 'picture', 'img', 'source', 'track',
]);
const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'menu', 'toolbar']);

/** A class or id word that marks a box around the article: share bars, newsletter signups, related links, ads, credits. */
const NOISE_WORD =
  /(?:^|[-_])(?:share|sharing|sharebar|sharetools|social-?share|newsletter|subscribe|subscription|signup|sign-up|related|relatedposts?|suggest(?:ed)?[-_]?reading|read-?more|more-?stories|more-?from|recommend(?:ed|ations)?|promo|advert(?:isement)?|ad-?slot|ad-?container|ad-?wrapper|adsbygoogle|sponsor(?:ed)?|outbrain|taboola|comments?|disqus|breadcrumbs?|pagination|popup|modal|cookie|paywall|author-?bio|credits?|copyright|sidebar|toolbar|skip-?link|visually-?hidden|sr-only|screen-?reader-?text|tags?-?list|post-?tags)(?:$|[-_])/i;
/**
 * Class or id words that mark either a box of links ("read more" teasers, a paywall's sign-in prompt) or
 * the article's own continuation (Herald Sun's `#read-more-content`, a `.paywall` wrapper around the
 * paragraphs behind it): dropped only when what they hold is not prose.
 */
const SOFT_NOISE_WORD = /^(?:read-?more|paywall|continue-?reading)(?:$|[-_])|[-_](?:read-?more|paywall)(?:$|[-_])/i;
/** Prose a soft-noise box must hold to be kept: paragraph text outside links, in characters. */
const KEPT_PROSE = 250;

/** Elements that hold the article rather than sit beside it. */
const WHOLE = new Set(['html', 'body', 'main', 'article']);
/** Class words that only describe the container ("has-related-posts" is an article that has them). */
const STATE_PREFIX = /^(?:has|is|with|no|js|show|hide)[-_]/i;

/** Whether the element and all it holds is boilerplate. */
export function isBoilerplate(el: Element): boolean {
  const name = el.name.toLowerCase();
  if (DROPPED_TAGS.has(name)) return true;
  const attribs = el.attribs;
  if (attribs.hidden !== undefined || attribs['aria-hidden'] === 'true') return true;
  const role = attribs.role?.toLowerCase();
  if (role && DROPPED_ROLES.has(role)) return true;
  if (attribs.style && /display\s*:\s*none/i.test(attribs.style)) return true;
  // the page and the article's own container are never a box around the article: a site that marks its
  // <body> "paywall" or "sidebar-primary", or every story <article> "has-comments", still has a body
  if (WHOLE.has(name) || attribs.itemprop === 'articleBody') return false;
  const words = `${attribs.class ?? ''} ${attribs.id ?? ''}`.trim();
  if (!words) return false;
  let soft = false;
  for (const word of words.split(/\s+/)) {
    if (word.length > 80 || STATE_PREFIX.test(word)) continue;
    if (SOFT_NOISE_WORD.test(word)) soft = true;
    else if (NOISE_WORD.test(word)) return true;
  }
  return soft && !holdsProse(el);
}

/**
 * Whether an element holds the article's prose: paragraphs with at least KEPT_PROSE characters outside
 * links, and links under a third of its text. Stops reading once that is settled either way.
 */
function holdsProse(el: Element): boolean {
  let prose = 0;
  let linked = 0;
  let all = 0;
  const stack: Array<{ node: Element['children'][number]; inP: boolean; inA: boolean }> = el.children.map((node) => ({ node, inP: false, inA: false }));
  stack.reverse();
  while (stack.length > 0) {
    const { node, inP, inA } = stack.pop() as (typeof stack)[number];
    if (node.type === 'text') {
      const n = node.data.trim().length;
      all += n;
      if (inA) linked += n;
      else if (inP) prose += n;
      if (prose >= KEPT_PROSE * 4) break;
      continue;
    }
    if (node.type !== 'tag') continue;
    const child = node as Element;
    if (DROPPED_TAGS.has(child.name)) continue;
    for (let i = child.children.length - 1; i >= 0; i--) {
      stack.push({ node: child.children[i] as Element['children'][number], inP: inP || child.name === 'p', inA: inA || child.name === 'a' });
    }
  }
  return prose >= KEPT_PROSE && linked < all / 3;
}

/** A line that points the reader elsewhere: "Read more: …", "Also read: …", "RELATED: …", "See also — …". */
const TEASER = /^(?:read more|read also|also read|more to read|read next|related(?: stories| articles| coverage)?|see also|further reading|recommended|you may also like|more on this(?: story)?|must read|click here to read|continue reading|watch|listen)\s*[:|»>–—-]/i;

/** Whether a block of text is a "Read more"-style teaser line. */
export function isTeaserLine(line: string): boolean {
  return TEASER.test(line.trimStart());
}

/** Lines that are layout filler: "Advertisement", "Story continues below advertisement". */
const FILLER = /^(?:advertisement|advertisements|sponsored content|story continues below(?: advertisement)?|article continues below(?: advertisement)?|scroll to continue with content|skip advertisement)$/i;

/** What an embed leaves behind when its script did not run: "View this photo on Instagram", "A post shared by …". */
const EMBED_CHROME = /^(?:view this (?:post|photo|video|reel|tweet) on (?:instagram|twitter|x|threads|facebook|tiktok)|view (?:more )?on (?:instagram|twitter|x|threads)|a post shared by .{1,80}|(?:twitter|instagram|facebook|tiktok|youtube) content|this content is imported from .{1,40}|you may be able to find the same content in another format.{0,80})$/i;

/** Whether a block is layout filler or embed chrome rather than the article's words. */
export function isFillerLine(line: string): boolean {
  const t = line.trim();
  return FILLER.test(t) || EMBED_CHROME.test(t);
}

/** A picture credit: "Image: Vjeran Pavic / The Verge", "Photo by Jane Doe", "(AP Photo/Evan Vucci)", "… Getty Images". */
const CREDIT = /^(?:\(?(?:(?:photo|image|picture|illustration|graphic|video)s?(?: credit)?|credits?|photograph(?:y|er)?|source)\s*(?:by\s+|:\s*)\S|\(?AP Photo\b)|(?:\/\s*|\bvia\s+)(?:Getty Images|AP|Reuters|AFP|Shutterstock|EPA)\)?\.?$/i;

/** Whether a block is a picture's credit line. */
export function isCreditLine(line: string): boolean {
  const t = line.trim();
  return t.length < 150 && CREDIT.test(t);
}
