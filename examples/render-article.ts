/**
 * The whole pipeline on the bundled article: extract() → every quote and post → renderCard() in
 * og and square, light and dark → examples/out/. Run with `npm run example`.
 * In your own code, import from 'quotecard' instead of '../src/index.js'.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract, renderCard } from '../src/index.js';
import type { Item } from '../src/index.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const outDir = here('./out/');
mkdirSync(outDir, { recursive: true });

const article = readFileSync(here('./articles/islamabad-envoy.txt'), 'utf8');
const found = extract({ text: article, site: 'GVS News', publishedAt: '2019-12-13' });

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
console.log(`Found ${found.quotes.length} quotes and ${found.posts.length} posts.\n`);
console.table(
  [...found.quotes, ...found.posts].map((item) =>
    item.kind === 'quote'
      ? { kind: 'quote', who: item.speaker?.name ?? '—', cue: item.cue ?? '', partial: item.partial, text: cut(item.text, 60) }
      : { kind: `post (${item.status})`, who: `@${item.author?.handle ?? '?'}`, cue: item.network, partial: '', text: cut(item.text ?? item.url ?? '', 60) },
  ),
);

const items: Item[] = [...found.quotes, ...found.posts];
let files = 0;
const started = performance.now();
for (const [index, item] of items.entries()) {
  for (const size of ['og', 'square'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      const card = await renderCard(item, { size, theme, site: found.site, date: found.publishedAt });
      const name = `${item.kind}-${index + 1}-${size}-${theme}.png`;
      writeFileSync(`${outDir}${name}`, card.png as Uint8Array);
      files++;
      for (const warning of card.warnings) console.warn(`  ${name}: ${warning}`);
    }
  }
}
const ms = performance.now() - started;
console.log(`\nWrote ${files} cards to examples/out/ in ${ms.toFixed(0)} ms (${(ms / files).toFixed(1)} ms per card).`);
