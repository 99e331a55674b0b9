/**
 * `index.html` in the output folder: every card with its alt text, the quote or post words, the
 * speaker, and a copyable `<meta property="og:image">` / `<img alt>` snippet. Pure: manifest in,
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
  const label = `${card.kind} ${card.index} · ${card.size} · ${card.theme}`;
  if (card.status === 'failed') {
    return `<figure class="failed" id="${esc(card.id)}"><figcaption><strong>${esc(label)}</strong>: not made. ${esc(card.error ?? '')}</figcaption><blockquote>${esc(words)}</blockquote></figure>`;
  }
  const image = card.files.find((f) => f.format === 'png') ?? card.files[0];
  const snippetId = `snippet-${card.id}`;
  const warnings = card.warnings.map((w) => `<p class="warning">${esc(w)}</p>`).join('');
  return `<figure id="${esc(card.id)}">
<img src="${esc(image?.path ?? '')}" alt="${esc(card.alt)}" width="${card.width}" height="${card.height}" loading="lazy" decoding="async">
<figcaption><strong>${esc(label)}</strong> <span class="meta">${card.width}×${card.height}, ${esc(card.status)}</span>
<blockquote>${esc(words)}</blockquote>
<p class="speaker">— ${esc(who(card))}</p>
<p class="alt"><strong>Alt:</strong> ${esc(card.alt)}</p>${warnings}
<pre id="${esc(snippetId)}">${esc(cardSnippet(card))}</pre>
<button type="button" data-copy="${esc(snippetId)}">Copy snippet</button>
<span class="meta">${card.files.map((f) => `<a href="${esc(f.path)}">${esc(f.format)}</a>`).join(' ')}</span></figcaption>
</figure>`;
}

function articleHtml(article: ManifestArticle): string {
  const title = article.title ?? article.id;
  const link = isWebLink(article.url) ? ` · <a href="${esc(article.url)}" rel="noopener noreferrer">${esc(article.url)}</a>` : '';
  const meta = [article.site, article.publishedAt, article.id].filter(Boolean).map((s) => esc(s as string)).join(' · ');
  const error = article.error ? `<p class="failed">Not read: ${esc(article.error)}</p>` : '';
  const none = !article.error && !article.cards.length ? '<p class="meta">No quote or post good enough for a card.</p>' : '';
  const warnings = article.warnings.map((w) => `<p class="warning">${esc(w)}</p>`).join('');
  return `<article class="article" id="article-${esc(article.slug)}">
<h2>${esc(title)}</h2>
<p class="meta">${meta}${link}</p>${error}${none}${warnings}
<div class="cards">
${article.cards.map(cardHtml).join('\n')}
</div>
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
