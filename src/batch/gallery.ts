/**
 * `index.html` in the output folder: each article with its cards grouped by size (each card with its
 * alt text, the quote or post words and the speaker), one copyable `<meta property="og:image">` /
 * `<img alt>` snippet per article, and for an article with no card the reason. Pure: manifest in,
 * HTML out. Every value from an article goes through `escapeUTF8` (text and attributes alike), and
 * only http(s) links are made clickable.
 */
import { escapeUTF8 as esc } from 'entities/escape';
import type { Manifest, ManifestArticle, ManifestCard } from '../types.js';
import { speakerLabel } from '../cards/speaker-label.js';

/** File name of the gallery inside the output folder. */
export const GALLERY_FILE = 'index.html';

const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0 auto; max-width: 1200px; padding: 1.5rem; line-height: 1.45; }
article.article { border-top: 1px solid #8884; padding: 1rem 0; }
.meta { color: #888; font-size: .9rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 1.25rem; }
figure { margin: 0; }
figure img { width: 100%; height: auto; border: 1px solid #8884; border-radius: 6px; }
blockquote { margin: .4rem 0; font-style: italic; white-space: pre-wrap; }
pre { white-space: pre-wrap; word-break: break-all; font-size: .75rem; background: #8882; padding: .5rem; border-radius: 4px; }
.failed { color: #b3261e; }
.none { color: #888; font-style: italic; }
section.size h3 { font-size: 1rem; margin: 1rem 0 .5rem; }
details.share { margin: .5rem 0; }
.warning { color: #8a5a00; font-size: .85rem; }
`;

const SCRIPT = `
document.addEventListener('click', function (event) {
  var button = event.target.closest('button[data-copy]');
  if (!button) return;
  var code = document.getElementById(button.getAttribute('data-copy'));
  if (code && navigator.clipboard) navigator.clipboard.writeText(code.textContent).then(function () { button.textContent = 'Copied'; });
});
`;

const isWebLink = (url: string | undefined): url is string => !!url && /^https?:\/\/[^\s]+$/i.test(url);

/** The snippet a site pastes into its page head / body for this card. */
export function cardSnippet(card: ManifestCard): string {
  const file = card.files.find((f) => f.format === 'png') ?? card.files[0];
  if (!file) return '';
  const url = esc(file.url);
  const alt = esc(card.alt);
  return [
    `<meta property="og:image" content="${url}">`,
    `<meta property="og:image:width" content="${card.width}">`,
    `<meta property="og:image:height" content="${card.height}">`,
    `<meta property="og:image:alt" content="${alt}">`,
    `<img src="${url}" alt="${alt}" width="${card.width}" height="${card.height}">`,
  ].join('\n');
}

function who(card: ManifestCard): string {
  const item = card.item;
  if (item.kind === 'quote') {
    const name = speakerLabel(item.speaker);
    if (!name) return 'Speaker not named';
    return item.speaker?.role ? `${name}, ${item.speaker.role}` : name;
  }
  const author = item.author;
  const handle = author?.handle ? `@${author.handle}` : '';
  return [author?.name, handle, `(${item.network})`].filter(Boolean).join(' ');
}

function cardHtml(card: ManifestCard): string {
  const words = card.item.kind === 'quote' ? card.item.text : (card.item.text ?? card.item.url ?? '');
  const label = `${card.kind} ${card.index} · ${card.theme}`;
  if (card.status === 'failed') {
    return `<figure class="failed" id="${esc(card.id)}"><figcaption><strong>${esc(label)}</strong>: not made. ${esc(card.error ?? '')}</figcaption><blockquote>${esc(words)}</blockquote></figure>`;
  }
  const image = card.files.find((f) => f.format === 'png') ?? card.files[0];
  const warnings = card.warnings.map((w) => `<p class="warning">${esc(w)}</p>`).join('');
  return `<figure id="${esc(card.id)}">
<img src="${esc(image?.path ?? '')}" alt="${esc(card.alt)}" width="${card.width}" height="${card.height}" loading="lazy" decoding="async">
<figcaption><strong>${esc(label)}</strong> <span class="meta">${esc(card.status)}</span>
<blockquote>${esc(words)}</blockquote>
<p class="speaker">— ${esc(who(card))}</p>
<p class="alt"><strong>Alt:</strong> ${esc(card.alt)}</p>${warnings}
<span class="meta">${card.files.map((f) => `<a href="${esc(f.path)}">${esc(f.format)}</a>`).join(' ')}</span></figcaption>
</figure>`;
}

/**
 * The card an article's page would name as its og:image: its best item's card at the og size (else the
 * first size asked for), in the first theme.
 */
export function shareCard(article: ManifestArticle): ManifestCard | undefined {
  const made = article.cards.filter((c) => c.status !== 'failed' && c.files.length > 0);
  return made.find((c) => c.size === 'og') ?? made[0];
}

/** The article's cards by size, sizes in the order they were asked for. */
function bySize(cards: readonly ManifestCard[]): Array<{ size: string; width: number; height: number; cards: ManifestCard[] }> {
  const groups = new Map<string, { size: string; width: number; height: number; cards: ManifestCard[] }>();
  for (const card of cards) {
    const group = groups.get(card.size) ?? { size: card.size, width: card.width, height: card.height, cards: [] };
    groups.set(card.size, group);
    group.cards.push(card);
  }
  return [...groups.values()];
}

function articleHtml(article: ManifestArticle): string {
  const title = article.title ?? article.id;
  const link = isWebLink(article.url) ? ` · <a href="${esc(article.url)}" rel="noopener noreferrer">${esc(article.url)}</a>` : '';
  const meta = [article.site, article.publishedAt, article.lang, article.id].filter(Boolean).map((s) => esc(s as string)).join(' · ');
  const error = article.error ? `<p class="failed">Not read: ${esc(article.error)}</p>` : '';
  const none = !article.error && !article.cards.length ? `<p class="none">No card: ${esc(article.noCards ?? 'nothing good enough for a card.')}</p>` : '';
  const warnings = article.warnings.map((w) => `<p class="warning">${esc(w)}</p>`).join('');
  const share = shareCard(article);
  const snippetId = `snippet-${article.slug}`;
  const snippet = share
    ? `<details class="share"><summary>og:image for this article (${esc(share.size)}, ${esc(share.theme)})</summary>
<pre id="${esc(snippetId)}">${esc(cardSnippet(share))}</pre>
<button type="button" data-copy="${esc(snippetId)}">Copy snippet</button></details>`
    : '';
  const sizes = bySize(article.cards)
    .map((g) => `<section class="size">
<h3>${esc(g.size)} <span class="meta">${g.width}×${g.height}</span></h3>
<div class="cards">
${g.cards.map(cardHtml).join('\n')}
</div>
</section>`)
    .join('\n');
  return `<article class="article" id="article-${esc(article.slug)}">
<h2>${esc(title)}</h2>
<p class="meta">${meta}${link}</p>${error}${none}${warnings}
${snippet}
${sizes}
</article>`;
}

/** The gallery page for a manifest. */
export function galleryHtml(manifest: Manifest): string {
  const cards = manifest.articles.reduce((n, a) => n + a.cards.length, 0);
  const failed = manifest.failures.length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>quotecard gallery: ${cards} cards</title>
<style>${STYLE}</style>
</head>
<body>
<h1>quotecard gallery</h1>
<p class="meta">${manifest.articles.length} articles, ${cards} cards${failed ? `, <span class="failed">${failed} failed</span>` : ''} · quotecard ${esc(manifest.generator.version)}</p>
${manifest.articles.map(articleHtml).join('\n')}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
