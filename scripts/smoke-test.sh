#!/usr/bin/env bash
# Packs the package, installs the tarball into a temporary folder and renders one card from
# `import()` and one from `require()`: dual builds break in ways unit tests never see.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tarball="$(cd "$root" && npm pack --silent --pack-destination "$tmp" | tail -n 1)"
cd "$tmp"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "./$tarball"
cat > esm.mjs <<'JS'
import { renderCard, extract, QuoteCardError } from 'quotecard';
const quote = { kind: 'quote', text: 'The packed package draws cards from ESM.', speaker: { name: 'Smoke Test' }, partial: false, start: 0, end: 0, confidence: 1 };
const card = await renderCard(quote);
if (!(card.png instanceof Uint8Array) || card.png[1] !== 0x50 || card.width !== 1200) throw new Error('ESM render failed');
if (extract('“Hello there, world,” she said.').quotes.length !== 1) throw new Error('ESM extract failed');
if (typeof QuoteCardError !== 'function') throw new Error('ESM errors missing');
const small = await renderCard(quote, { compression: 'small' });
if (!(small.png instanceof Uint8Array) || small.png.length >= card.png.length) throw new Error('ESM small PNG failed');
console.log(`esm ok: ${card.png.length} bytes (${small.png.length} small), alt: ${card.alt}`);
JS
cat > cjs.cjs <<'JS'
const { renderCard, postCard } = require('quotecard');
const post = { kind: 'post', network: 'twitter', status: 'full', author: { name: 'Smoke Test', handle: 'smoke' }, text: 'The packed package draws cards from CJS. #smoke', links: [], start: 0, end: 0 };
if (typeof postCard(post).type !== 'string') throw new Error('CJS tree failed');
renderCard(post, { size: 'square', theme: 'dark' }).then(async (card) => {
  if (!(card.png instanceof Uint8Array) || card.height !== 1080) throw new Error('CJS render failed');
  const small = await renderCard(post, { size: 'square', theme: 'dark', compression: 'small' });
  if (small.png.length >= card.png.length) throw new Error('CJS small PNG failed');
  console.log(`cjs ok: ${card.png.length} bytes (${small.png.length} small), alt: ${card.alt}`);
});
JS
cat > dual.mjs <<'JS'
// The same error class from the ESM and the CommonJS build: instanceof must hold both ways.
import { createRequire } from 'node:module';
import { InputError, QuoteCardError, renderCard } from 'quotecard';
const cjs = createRequire(import.meta.url)('quotecard');
if (cjs.InputError === InputError) throw new Error('expected two builds, got one');
const quote = { kind: 'quote', text: 'Words.', partial: false, start: 0, end: 0, confidence: 1 };
for (const [made, by] of [[cjs, 'CJS'], [{ renderCard }, 'ESM']]) {
  const error = await made.renderCard(quote, { size: 'huge' }).then(() => undefined, (e) => e);
  for (const cls of [InputError, cjs.InputError, QuoteCardError, cjs.QuoteCardError]) {
    if (!(error instanceof cls)) throw new Error(`an error from the ${by} build is not an instance of one of the classes`);
  }
  if (error.code !== 'invalid-option' || error instanceof cjs.FontError) throw new Error(`wrong error from the ${by} build`);
}
console.log('dual ok: errors are recognised across the ESM and CJS builds');
JS
node esm.mjs
node cjs.cjs
node dual.mjs
npx --no-install quotecard --version
printf '“The command reads articles from stdin and draws them,” the editor said.\n' | npx --no-install quotecard - --out cards --json > summary.json
node -e "const s = require('./summary.json'); if (!s.ok || s.stats.rendered < 1) throw new Error('CLI made no card: ' + JSON.stringify(s)); console.log('cli ok')"
ls cards
