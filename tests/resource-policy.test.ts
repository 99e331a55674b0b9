import { describe, expect, test } from 'vitest';
import { InputError, h, renderCard } from '../src/index.js';
import type { Quote } from '../src/index.js';
import { assertSelfContained, checkImageSource, refusal } from '../src/images/resource-policy.js';

const svgData = (inner: string) => `data:image/svg+xml;utf8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${inner}</svg>`)}`;
const svg64 = (inner: string) => `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${inner}</svg>`).toString('base64')}`;
const PNG_1PX = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('image sources', () => {
  const allowed = [
    { name: 'a PNG data URL', src: PNG_1PX },
    { name: 'an SVG data URL with shapes only', src: svgData('<rect width="10" height="10"/>') },
    { name: 'an SVG using its own fragments', src: svgData('<defs><path id="p" d="M0 0h5"/></defs><use href="#p"/>') },
    { name: 'an SVG holding a PNG', src: svgData(`<image href="${PNG_1PX}"/>`) },
  ];
  test.each(allowed)('allowed: $name', ({ src }) => {
    expect(refusal(src)).toBeUndefined();
  });

  const refused = [
    { name: 'http URL', src: 'http://169.254.169.254/latest/meta-data/', why: 'refers to "http://169.254.169.254/latest/meta-data/"' },
    { name: 'absolute path', src: '/etc/passwd', why: 'refers to "/etc/passwd"' },
    { name: 'relative path', src: '../../secret.png', why: 'refers to "../../secret.png"' },
    { name: 'file URL', src: 'file:///etc/hosts', why: 'refers to "file:///etc/hosts"' },
    { name: 'SVG data URL with a file image', src: svgData('<image href="/etc/passwd"/>'), why: 'refers to "/etc/passwd"' },
    { name: 'base64 SVG with an xlink:href', src: svg64('<image xlink:href="../x.png"/>'), why: 'refers to "../x.png"' },
    { name: 'SVG with a CSS url()', src: svgData('<rect style="fill:url(https://evil.example/x)"/>'), why: 'refers to "https://evil.example/x"' },
    { name: 'SVG inside SVG inside SVG with a path', src: svgData(`<image href="${svgData(`<image href="${svgData('<image href="/etc/shadow"/>')}"/>`)}"/>`), why: 'refers to "/etc/shadow"' },
    { name: 'HTML data URL', src: 'data:text/html,<script>1</script>', why: 'refers to "data:text/html,<script>1</script>"' },
  ];
  test.each(refused)('refused: $name', ({ src, why }) => {
    expect(refusal(src)).toBe(why);
    expect(() => checkImageSource(src, 'the card\'s <img src>')).toThrow(InputError);
    expect(() => checkImageSource(src, 'the card\'s <img src>')).toThrow(`Image source not allowed in the card's <img src>: ${why}. Allowed: data: URLs of PNG, JPEG, GIF, WebP or self-contained SVG (pass image bytes; nothing is fetched while drawing).`);
  });

  test('the SVG handed to resvg must be self-contained', () => {
    expect(() => assertSelfContained('<svg><image href="photo.png"/></svg>')).toThrow(InputError);
    expect(() => assertSelfContained(`<svg><image href="${PNG_1PX}"/></svg>`)).not.toThrow();
  });
});

describe('templates cannot reach files or the network', () => {
  const quote: Quote = { kind: 'quote', text: 'A perfectly ordinary quote to draw.', partial: false, start: 0, end: 0, confidence: 1 };
  const box = (child: unknown) => () => h('div', { style: { display: 'flex', width: '100%', height: '100%' } }, child as never);
  const cases = [
    { name: '<img src> over http', template: box(h('img', { src: 'http://127.0.0.1:9/x.png', width: 10, height: 10 })), field: "the card's <img src>" },
    { name: '<img src> a local path', template: box(h('img', { src: '/etc/passwd', width: 10, height: 10 })), field: "the card's <img src>" },
    { name: 'inline <svg><image href="/etc/passwd">', template: box(h('svg', { width: 10, height: 10 }, h('image', { href: '/etc/passwd', width: 10, height: 10 }))), field: "the card's <image href>" },
    { name: 'CSS background url()', template: () => h('div', { style: { display: 'flex', width: '100%', height: '100%', backgroundImage: 'url(https://example.com/bg.png)' } }), field: "the card's CSS url()" },
  ];
  test.each(cases)('$name is refused before satori runs', async ({ template, field }) => {
    await expect(renderCard(quote, { template })).rejects.toThrow(InputError);
    await expect(renderCard(quote, { template })).rejects.toThrow(`Image source not allowed in ${field}`);
  });
  test('a data: image in a template is drawn', async () => {
    const card = await renderCard(quote, { template: box(h('img', { src: PNG_1PX, width: 40, height: 40 })) });
    expect(card.png?.length).toBeGreaterThan(0);
  });
});
