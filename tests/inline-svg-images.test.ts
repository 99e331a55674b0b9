/**
 * inlineSvgImages: an <image> of a plain SVG (Twemoji's emoji) is drawn as a nested <svg> of its
 * shapes, with the same pixels, and anything that could mean something else when moved into the card's
 * document stays an image.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, test } from 'vitest';
import { renderCard } from '../src/index.js';
import { inlineSvgImages } from '../src/render/inline-svg-images.js';

const require = createRequire(import.meta.url);
const TWEMOJI = dirname(require.resolve('twemoji-svg/1f600'));
const twemoji = (file: string) => readFileSync(join(TWEMOJI, file), 'utf8');
const uri = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const image = (svg: string, extra = '') => `<image href="${uri(svg)}" x="10" y="12.5" width="40" height="54"${extra}/>`;
const card = (body: string) => `<svg width="120" height="80" viewBox="0 0 120 80" xmlns="http://www.w3.org/2000/svg"><rect width="120" height="80" fill="#fff"/>${body}</svg>`;
const pixels = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;

describe('plain SVG images become their shapes, pixel for pixel', () => {
  test.each(['1f44d-1f3fd.svg', '1f600.svg', '1f1ee-1f1f3.svg', '2764.svg'])('Twemoji %s', (file) => {
    const before = card(image(twemoji(file)));
    const after = inlineSvgImages(before);
    expect(after).not.toContain('<image');
    expect(after).toContain('<svg x="10" y="12.5" width="40" height="54" viewBox="0 0 36 36">');
    expect(Buffer.from(pixels(after)).equals(Buffer.from(pixels(before)))).toBe(true);
  });

  test('each of several images is replaced in place, and the rest of the document is untouched', () => {
    const a = image(twemoji('1f600.svg'));
    const b = image(twemoji('2764.svg'));
    const before = card(`${a}<path d="M0 0h5"/>${b}`);
    const after = inlineSvgImages(before);
    expect(after.match(/<svg x=/g)).toHaveLength(2);
    expect(after).toContain('<path d="M0 0h5"/>');
    expect(after.startsWith('<svg width="120" height="80"')).toBe(true);
  });
});

const PLAIN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><circle fill="#FC0" cx="18" cy="18" r="18"/></svg>';

describe('anything that is not plain stays an image', () => {
  test.each([
    ['an id (could collide with the card’s own)', PLAIN.replace('<circle', '<circle id="satori_cp-1"')],
    ['a clip path and url() reference', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><clipPath id="a"><rect width="9" height="9"/></clipPath><circle clip-path="url(#a)" cx="18" cy="18" r="18"/></svg>'],
    ['a style element', PLAIN.replace('<circle', '<style>circle{fill:red}</style><circle')],
    ['a style attribute', PLAIN.replace('<circle', '<circle style="fill:red"')],
    ['text', PLAIN.replace('<circle', '<text>Hi</text><circle')],
    ['text between shapes', PLAIN.replace('<circle', 'Hi<circle')],
    ['a nested image', PLAIN.replace('<circle', '<image href="data:image/png;base64,AAAA"/><circle')],
    ['a use element', PLAIN.replace('<circle', '<use href="#x"/><circle')],
    ['an entity', PLAIN.replace('#FC0', '&#x23;FC0')],
    ['a comment', PLAIN.replace('<circle', '<!-- x --><circle')],
    ['no viewBox', PLAIN.replace(' viewBox="0 0 36 36"', '')],
    ['a size of its own', PLAIN.replace(' viewBox', ' width="72" viewBox')],
    ['an aspect setting of its own', PLAIN.replace(' viewBox', ' preserveAspectRatio="none" viewBox')],
    ['characters beyond ASCII', PLAIN.replace('<circle', '<g fill="é"></g><circle')],
  ])('an SVG with %s', (_name, svg) => {
    const before = card(image(svg));
    expect(inlineSvgImages(before)).toBe(before);
  });

  test.each([
    ['a transform', ' transform="rotate(10)"'],
    ['an opacity', ' opacity="0.5"'],
    ['a clip path', ' clip-path="url(#c)"'],
    ['preserveAspectRatio', ' preserveAspectRatio="none"'],
  ])('an image with %s of its own', (_name, extra) => {
    const before = card(image(PLAIN, extra));
    expect(inlineSvgImages(before)).toBe(before);
  });

  test('raster images and a box that is not plain numbers', () => {
    const png = '<image href="data:image/png;base64,iVBORw0KGgo=" x="1" y="1" width="4" height="4"/>';
    const percent = `<image href="${uri(PLAIN)}" x="10%" y="1" width="4" height="4"/>`;
    for (const body of [png, percent]) expect(inlineSvgImages(card(body))).toBe(card(body));
  });
});

describe('renderCard', () => {
  test('a post of hundreds of emoji is drawn as shapes: the same pixels, in well under the 2 s the layers cost', async () => {
    const post = { kind: 'post' as const, network: 'twitter' as const, status: 'full' as const, url: 'https://twitter.com/a/status/1', text: '👍🏽'.repeat(600), author: { name: 'A' }, links: [], start: 0, end: 0 };
    await renderCard(post); // fonts and emoji read
    const started = performance.now();
    const drawn = await renderCard(post);
    const ms = performance.now() - started;
    expect(drawn.png?.byteLength).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(1000);
    expect(drawn.svg.match(/<image /g)?.length).toBeGreaterThan(400); // the returned SVG keeps its images
    const inlined = inlineSvgImages(drawn.svg);
    expect(inlined.split('<image href="data:image/svg+xml;base64,').length - 1).toBe(0); // the network's mark (a utf8 URL with a mask) stays an image
    expect(Buffer.from(pixels(inlined)).equals(Buffer.from(pixels(drawn.svg)))).toBe(true);
  });
});
