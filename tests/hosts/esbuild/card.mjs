import { writeFileSync } from 'node:fs';
import emoji from 'quotecard/emoji/twemoji.pack';
import { initWasm, renderCard } from 'quotecard/wasm';
import harfbuzz from 'quotecard/wasm/harfbuzz.wasm';
import resvg from 'quotecard/wasm/resvg.wasm';
import yoga from 'quotecard/wasm/yoga.wasm';

// The WebAssembly build bundles whole, fonts included; esbuild's binary loader (build.mjs) puts the bytes of
// the three modules and the emoji pack into the bundle too, so the one file runs anywhere Node does.
await initWasm({ yoga, resvg, harfbuzz, emoji });

const card = await renderCard({
  kind: 'quote',
  text: 'Share images are made where the page is served 🚀',
  speaker: { name: 'Ada Lovelace', role: 'Analyst' },
});
writeFileSync(process.argv[2] ?? 'card.png', card.png);
console.log(JSON.stringify({ warnings: card.warnings }));
