/**
 * Whether a string is HTML or plain text.
 *
 * The rule: a string is HTML when it holds a doctype (`<!DOCTYPE html>`), a comment (`<!-- … -->`), or
 * an opening or closing tag of a known HTML element (`<p>`, `</div>`, `<br/>`, `<a href="…">`,
 * `<blockquote class="twitter-tweet">`, …). Angle brackets in prose ("a < b", "<3", "<Sam>",
 * "<https://example.com>") do not make markup: the name after "<" must be an HTML element's and be
 * followed by whitespace, "/" or ">".
 */

const TAGS = [
  'a', 'abbr', 'address', 'article', 'aside', 'audio', 'b', 'blockquote', 'body', 'br', 'button', 'caption',
  'center', 'cite', 'code', 'dd', 'del', 'details', 'dialog', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure',
  'font', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'i', 'iframe',
  'img', 'input', 'ins', 'label', 'li', 'link', 'main', 'mark', 'meta', 'nav', 'noscript', 'ol', 'p', 'picture',
  'pre', 'q', 's', 'script', 'section', 'small', 'source', 'span', 'strong', 'style', 'sub', 'summary', 'sup',
  'table', 'tbody', 'td', 'template', 'th', 'thead', 'time', 'title', 'tr', 'u', 'ul', 'video', 'twitter-widget',
];

const MARKUP = new RegExp(`<(?:!doctype\\s+html|!--|/?(?:${TAGS.join('|')})(?=[\\s/>]))`, 'i');

/** Whether `input` looks like HTML markup (see the rule above). */
export function isHtml(input: string): boolean {
  return MARKUP.test(input);
}
