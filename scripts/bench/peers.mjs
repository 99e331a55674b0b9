/**
 * The peers `npm run bench` measures quotecard against: what a user would pick instead, each given the
 * same element tree (quotecard's own quoteCard()/postCard() output) and the same fonts, read once.
 *   careful   satori + resvg-js as a careful user writes it: no system fonts, resvg's own PNG
 *   defaults  satori + resvg-js with resvg's defaults (it loads the system fonts on every render)
 *   vercel-og @vercel/og's ImageResponse (its own satori and, with sharp installed, sharp's rasterizer)
 *   takumi    @takumi-rs/core, a Rust renderer, fed the same tree through @takumi-rs/helpers' fromJsx
 * Plain JavaScript, so a fresh `node` process can load it for the first-card figures.
 */
import { readFileSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** The faces the trees name, and their files in quotecard's fonts/ folder. */
const FACES = [
  ['Quotecard Serif', 400, 'normal', 'NotoSerifDisplay-Regular.ttf'],
  ['Quotecard Serif', 700, 'normal', 'NotoSerifDisplay-Bold.ttf'],
  ['Quotecard Serif', 400, 'italic', 'NotoSerifDisplay-Italic.ttf'],
  ['Quotecard Sans', 400, 'normal', 'NotoSans-Regular.ttf'],
  ['Quotecard Sans', 700, 'normal', 'NotoSans-Bold.ttf'],
];

/** The fonts, read once: `{ name, weight, style, data }` as satori, @vercel/og and takumi take them. */
export function readFonts(fontsDir) {
  return FACES.map(([name, weight, style, file]) => ({ name, weight, style, data: readFileSync(new URL(file, fontsDir)) }));
}

const bytes = (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/** One peer by name: an async `(tree, width, height) => PNG bytes`, its modules loaded and fonts registered. */
export async function makePeer(name, fonts) {
  if (name === 'careful' || name === 'defaults') {
    const { default: satori } = await import('satori');
    const { Resvg } = await import('@resvg/resvg-js');
    const options = name === 'careful' ? (width) => ({ font: { loadSystemFonts: false }, fitTo: { mode: 'width', value: width } }) : () => undefined;
    return async (tree, width, height) => {
      const svg = await satori(tree, { width, height, fonts });
      const png = bytes(new Resvg(svg, options(width)).render().asPng());
      // a user's loop awaits between cards; resvg's native memory is freed when its wrapper is collected
      await nextTurn();
      return png;
    };
  }
  if (name === 'vercel-og') {
    const { ImageResponse } = await import('@vercel/og');
    return async (tree, width, height) => new Uint8Array(await new ImageResponse(tree, { width, height, fonts }).arrayBuffer());
  }
  if (name === 'takumi') {
    const { Renderer } = await import('@takumi-rs/core');
    const { fromJsx } = await import('@takumi-rs/helpers/jsx');
    const renderer = new Renderer();
    for (const font of fonts) await renderer.registerFont(font);
    return async (tree, width, height) => {
      const { node, css } = await fromJsx(tree);
      return bytes(await renderer.render(node, { width, height, format: 'png', ...(css.length ? { css } : {}) }));
    };
  }
  throw new Error(`bench: unknown peer ${name}`);
}

/** The peers, in the order the tables list them. */
export const PEERS = ['careful', 'defaults', 'vercel-og', 'takumi'];
