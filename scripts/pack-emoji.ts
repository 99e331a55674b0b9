/**
 * `npm run pack:emoji`: the Twemoji SVGs of the `twemoji-svg` package (a dev dependency) packed into
 * emoji/twemoji.pack, which ships with quotecard instead of the package's 4,000 files (layout in
 * src/fonts/emoji-pack.ts). The same Twemoji always give the same bytes; tests/emoji-pack.test.ts checks
 * the committed pack against the installed package.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildEmojiPack } from './emoji-pack-build.js';

const out = fileURLToPath(new URL('../emoji/twemoji.pack', import.meta.url));
const pack = buildEmojiPack();
writeFileSync(out, pack.bytes);
console.log(`${pack.count} emoji, ${(pack.svgBytes / 1e6).toFixed(1)} MB of SVG → ${(pack.bytes.length / 1e6).toFixed(2)} MB in ${out}`);
