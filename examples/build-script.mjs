/**
 * A site build step: render share cards for every article in a folder and write the
 * <meta property="og:image"> tags each article page puts in its <head>.
 *
 *   npm run build                                   # once: builds the package this script imports
 *   node examples/build-script.mjs [articles] [out] [base-url]
 *
 * Re-running it only draws cards whose article (or options, fonts, quotecard version) changed.
 * `import … from 'quotecard'` works inside this repository through the package's self-reference;
 * in your own project it is the installed package.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderArticles } from 'quotecard';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const articlesDir = process.argv[2] ?? here('./articles/');
const outDir = process.argv[3] ?? here('./out/site/');
const baseUrl = process.argv[4] ?? 'https://news.example/cards/';
const cardsDir = join(outDir, 'cards');
const headDir = join(outDir, 'head');

// 1. Read the articles: .html as HTML, .txt/.md as plain text. The id (file name) keys the cache.
const files = (await readdir(articlesDir)).filter((f) => ['.html', '.htm', '.txt', '.md'].includes(extname(f))).sort();
const articles = await Promise.all(
  files.map(async (file) => {
    const body = await readFile(join(articlesDir, file), 'utf8');
    return extname(file).startsWith('.htm') ? { id: file, html: body } : { id: file, text: body, site: 'GVS News' };
  }),
);

// 2. Render: og for link previews, square for feeds; both themes. Uses one worker per core.
const result = await renderArticles(articles, {
  out: cardsDir,
  size: ['og', 'square'],
  theme: ['light', 'dark'],
  max: 3,
  baseUrl,
  onProgress: (p) => process.stderr.write(`\r${p.articlesDone}/${p.articlesTotal} articles, ${p.cardsDone} cards`),
});
process.stderr.write('\n');

// 3. One head snippet per article: its best card in og size, light theme.
await mkdir(headDir, { recursive: true });
const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
for (const article of result.manifest.articles) {
  const card = article.cards.find((c) => c.size === 'og' && c.theme === 'light' && c.status !== 'failed');
  if (!card) continue;
  const png = card.files.find((f) => f.format === 'png');
  const tags = [
    `<meta property="og:image" content="${attr(png.url)}">`,
    `<meta property="og:image:width" content="${card.width}">`,
    `<meta property="og:image:height" content="${card.height}">`,
    `<meta property="og:image:alt" content="${attr(card.alt)}">`,
    `<meta name="twitter:card" content="summary_large_image">`,
    `<meta name="twitter:image" content="${attr(png.url)}">`,
  ].join('\n');
  await writeFile(join(headDir, `${article.slug}.html`), `${tags}\n`);
  console.log(`${article.id} → head/${article.slug}.html\n${tags}\n`);
}

const { stats } = result;
console.log(`${stats.cards} cards (${stats.rendered} drawn, ${stats.cached} unchanged) in ${stats.seconds.toFixed(1)} s → ${cardsDir}`);
for (const f of result.failures) console.error(`failed: ${f.article} ${f.card ?? ''} ${f.reason}: ${f.message}`);
process.exitCode = result.failures.length ? 1 : 0;
