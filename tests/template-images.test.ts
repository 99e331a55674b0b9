/**
 * Images a template draws obey the same pixel cap as avatars and logos, and the tree satori draws is the
 * one that was checked: a plain copy, read once, so a getter or a Proxy cannot swap an image after the check.
 */
import { describe, expect, test } from 'vitest';
import { InputError, LimitError, RenderError, renderCard } from '../src/index.js';
import type { Node, Quote, TemplateContext } from '../src/types.js';

const quote: Quote = { kind: 'quote', text: 'We will fix the bridge before winter.', speaker: { name: 'Jane Doe' }, partial: false, start: 0, end: 0, confidence: 1 };

/** A PNG's signature and IHDR claiming `w`×`h` pixels (the rest is never read: the cap comes first). */
function pngHeader(w: number, h: number): string {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(b);
  b.writeUInt32BE(w, 16);
  b.writeUInt32BE(h, 20);
  b[24] = 8;
  b[25] = 6;
  return `data:image/png;base64,${b.toString('base64')}`;
}
/** A real 1×1 red PNG. */
const RED = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const card = (img: unknown) => () => ({ type: 'div', props: { style: { display: 'flex', width: 1200, height: 630 }, children: [img] } }) as Node;
const img = (src: unknown) => ({ type: 'img', props: { src, width: 100, height: 100 } });

describe('the pixel cap on a template’s images', () => {
  test('a PNG claiming 100000×100000 in <img src> is a LimitError before anything decodes it', async () => {
    const started = performance.now();
    const error = await renderCard(quote, { template: card(img(pngHeader(100_000, 100_000))) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitError);
    expect((error as LimitError).message).toBe("Image too large in the card's <img src>. Allowed: at most 16777216 pixels. Received: 100000×100000 (10000000000 pixels).");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('…in a CSS background, and inside an SVG image', async () => {
    const bg = { type: 'div', props: { style: { backgroundImage: `url(${pngHeader(50_000, 50_000)})`, width: 10, height: 10 } } };
    expect(await renderCard(quote, { template: card(bg) }).catch((e: unknown) => e)).toBeInstanceOf(LimitError);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="${pngHeader(50_000, 50_000)}" width="10" height="10"/></svg>`;
    const nested = img(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
    expect(await renderCard(quote, { template: card(nested) }).catch((e: unknown) => e)).toBeInstanceOf(LimitError);
  });

  test('a raster data URL whose header cannot be read is refused; a real small image draws', async () => {
    const error = await renderCard(quote, { template: card(img('data:image/png;base64,AAAA')) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('unsafe-resource');
    const ok = await renderCard(quote, { template: card(img(RED)) });
    expect(ok.png?.byteLength).toBeGreaterThan(0);
  });
});

describe('what is checked is what is drawn', () => {
  test('a getter that shows the check a data: URL and satori an http URL: only the first read counts', async () => {
    let reads = 0;
    const props = { width: 100, height: 100 } as Record<string, unknown>;
    Object.defineProperty(props, 'src', { enumerable: true, get: () => (reads++ === 0 ? RED : 'http://127.0.0.1:9/x.png') });
    const result = await renderCard(quote, { template: card({ type: 'img', props }), format: 'svg' });
    expect(reads).toBe(1);
    expect(result.svg).not.toContain('127.0.0.1');
  });

  test('a Proxy whose children change between reads is copied once', async () => {
    let reads = 0;
    const children = new Proxy([img(RED)], {
      get(target, key, receiver) {
        if (key === '0' && reads++ > 0) return img('http://127.0.0.1:9/x.png');
        return Reflect.get(target, key, receiver);
      },
    });
    const result = await renderCard(quote, { template: () => ({ type: 'div', props: { style: { display: 'flex' }, children } }) as Node, format: 'svg' });
    expect(result.svg).not.toContain('127.0.0.1');
  });

  test('a node whose type is a function (satori would call it after the check) is refused', async () => {
    const sneaky = { type: () => img('http://127.0.0.1:9/x.png'), props: {} };
    const error = await renderCard(quote, { template: card(sneaky) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as RenderError).code).toBe('template-failed');
  });

  test('the template gets the context and its tree is drawn as returned', async () => {
    let seen: TemplateContext | undefined;
    const result = await renderCard(quote, {
      template: (_item, ctx) => {
        seen = ctx;
        return card(img(RED))();
      },
      format: 'svg',
    });
    expect(seen?.size.width).toBe(1200);
    expect(result.svg).toContain('<image');
  });
});
