/**
 * ingest: an article (HTML or plain text) → its plain text, blocks, metadata and embedded posts.
 * Pure and synchronous. The only error it throws is `InputError` for input that is not an article.
 */
import { findTextPosts, withoutRepeatedPosts } from './posts/index.js';
import type { Article, ArticleInput, Post } from '../types.js';
import { checkInput } from './article-input.js';
import { binaryKind } from './binary-input.js';
import { findBody } from './body-finder.js';
import { parseHtml } from './html-parse.js';
import { writeBody } from './block-writer.js';
import { readPageMeta } from './page-meta.js';
import { scanPage } from './page-scan.js';
import { textBlocks } from './plain-text.js';

/** How the warning for a page with no article text begins (the command lists such articles under it). */
export const NO_BODY = 'No article body found';
/** How the warning for input that is binary data, not text, begins. */
export const NOT_TEXT = 'Not an article';

/**
 * Read an article.
 *
 * - A string is HTML when it looks like markup (see `isHtml`), otherwise plain text.
 * - Plain text: `text` is the input unchanged; `blocks` are its non-empty lines, trimmed, except
 *   "Read more: …"-style teaser lines, which stay in `text` but get no block.
 * - HTML: the article body is found (see `findBody`), boilerplate dropped, blocks joined by "\n";
 *   title, site, URL, date and language come from meta tags and JSON-LD. Fields of an `ArticleInput` override them.
 * - Binary data (an image, a PDF, an archive: by its opening bytes or its share of control characters)
 *   is no article: no blocks (and for HTML no text), and a warning beginning `NOT_TEXT`.
 * - `posts` holds the embedded social posts (markup embeds, bare permalinks, shortcodes, flattened
 *   embeds), in text order, with offsets into `text`.
 */
export function ingest(input: string | ArticleInput): Article {
  const checked = checkInput(input);
  const binary = binaryKind(checked.source);
  const article = binary
    ? { text: checked.format === 'text' ? checked.source : '', blocks: [], posts: [], warnings: [`${NOT_TEXT}: the input looks like ${binary}; it was skipped.`] }
    : checked.format === 'html'
      ? readHtml(checked.source)
      : readText(checked.source);
  const o = checked.overrides;
  if (o.title !== undefined) article.title = o.title;
  if (o.site !== undefined) article.site = o.site;
  if (o.url !== undefined) article.url = o.url;
  if (o.publishedAt !== undefined) article.publishedAt = o.publishedAt;
  if (o.lang !== undefined) article.lang = o.lang;
  return article;
}

function readText(text: string): Article {
  const blocks = textBlocks(text);
  const found = findTextPosts(text, blocks);
  const warnings = [...found.warnings];
  return { text, blocks, posts: withoutRepeatedPosts(found.posts, warnings), warnings };
}

function readHtml(html: string): Article {
  const warnings: string[] = [];
  const doc = parseHtml(html, warnings);
  const scan = scanPage(doc);
  const meta = readPageMeta(scan, warnings);
  const body = findBody(doc, scan);
  const written = writeBody(body.root);
  warnings.push(...written.warnings);
  const found = findTextPosts(written.text, written.blocks, { taken: written.posts, blockLinks: written.blockLinks });
  warnings.push(...found.warnings);
  if (written.text === '' && html.trim() !== '') warnings.push(`${NO_BODY}: no paragraphs were found outside navigation and boilerplate.`);
  const posts: Post[] = withoutRepeatedPosts([...written.posts, ...found.posts].sort((a, b) => a.start - b.start), warnings);
  return { text: written.text, blocks: written.blocks, ...meta, posts, warnings };
}
