/**
 * `extract()`: an article (HTML or text) → its quotes with speakers and its embedded posts.
 * Pure and synchronous: ingest reads the article, quotes are looked for in the blocks outside posts.
 */
import { ingest } from '../ingest/index.js';
import type { Article, ArticleInput, Block, ExtractOptions, Extraction } from '../types.js';
import { checkOptions } from '../shared/check.js';
import { extractOptions, type ResolvedExtractOptions } from './extract-options.js';
import { NameIndex } from './name-index.js';
import { type BuildSettings, buildQuotes } from './quote-builder.js';

/** Pull the quotes and posts out of an article. A string is read as HTML when it looks like markup. */
export function extract(input: string | ArticleInput, options?: ExtractOptions): Extraction {
  const settings = checkOptions(extractOptions, options);
  return extractFromArticle(ingest(input), settings);
}

/**
 * The extraction step alone, on an article ingest has already read, with checked options (and, for
 * scripts/train-sources.ts, a look at every quotation's candidate sources).
 */
export function extractFromArticle(article: Article, settings: ResolvedExtractOptions & Pick<BuildSettings, 'onCandidates' | 'onPronoun'>): Extraction {
  const all = quoteBlocks(article);
  const { blocks, joined, text, warning } = withinScanLimit(article.text, all.blocks, all.joined);
  const index = new NameIndex(text);
  const found = buildQuotes(text, blocks, joined, index, settings);
  const extraction: Extraction = {
    text: article.text,
    quotes: found.quotes,
    posts: article.posts.map((p) => ({ ...p, links: [...p.links] })),
    warnings: [...article.warnings, ...(warning ? [warning] : []), ...found.warnings],
  };
  if (article.title !== undefined) extraction.title = article.title;
  if (article.site !== undefined) extraction.site = article.site;
  if (article.url !== undefined) extraction.url = article.url;
  if (article.publishedAt !== undefined) extraction.publishedAt = article.publishedAt;
  if (article.lang !== undefined) extraction.lang = article.lang;
  return extraction;
}

/** Characters of an article's text quotes are looked for in: ten times a long read (some 100,000), so an article costs about a second at most. */
export const QUOTE_SCAN_LIMIT = 1_000_000;

/** The blocks, and the text, up to the last block that ends within QUOTE_SCAN_LIMIT; a warning when some were left. */
function withinScanLimit(text: string, blocks: Block[], joined: boolean[]): { text: string; blocks: Block[]; joined: boolean[]; warning?: string } {
  if (text.length <= QUOTE_SCAN_LIMIT) return { text, blocks, joined };
  let n = 0;
  while (n < blocks.length && (blocks[n] as Block).end <= QUOTE_SCAN_LIMIT) n++;
  const end = n > 0 ? (blocks[n - 1] as Block).end : 0;
  const kept = joined.slice(0, n);
  if (n > 0) kept[n - 1] = false;
  return {
    text: text.slice(0, end),
    blocks: blocks.slice(0, n),
    joined: kept,
    warning: `The article's text is ${text.length} characters; quotations were looked for in the first ${end} only (the limit is ${QUOTE_SCAN_LIMIT}).`,
  };
}

/**
 * The blocks quotes are looked for in: every block not overlapping a post, in order, and for each
 * whether the next one follows it directly (nothing left out between), so a quote may run on into it.
 */
function quoteBlocks(article: Article): { blocks: Block[]; joined: boolean[] } {
  const posts = [...article.posts].sort((a, b) => a.start - b.start);
  const blocks: Block[] = [];
  const joined: boolean[] = [];
  let p = 0;
  let lastKept = -2;
  article.blocks.forEach((block, i) => {
    while (p < posts.length && (posts[p]?.end ?? 0) <= block.start) p++;
    const post = posts[p];
    const overlaps = post !== undefined && post.start < block.end && post.end > block.start;
    if (overlaps) return;
    const prev = blocks[blocks.length - 1];
    const postBetween = prev !== undefined && p > 0 && (posts[p - 1]?.start ?? -1) >= prev.end;
    if (prev) joined[blocks.length - 1] = lastKept === i - 1 && !postBetween;
    blocks.push(block);
    lastKept = i;
  });
  if (blocks.length > 0) joined[blocks.length - 1] = false;
  return { blocks, joined };
}
