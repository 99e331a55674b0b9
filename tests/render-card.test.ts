import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { FontError, InputError, LimitError, QuoteCardError, h, postCard, quoteCard, renderCard } from '../src/index.js';
import type { Post, Quote, TemplateContext } from '../src/index.js';

const quote: Quote = {
  kind: 'quote',
  text: 'When I met the Talibs today, I expressed outrage about yesterday’s attack on Bagram, which recklessly killed two and wounded dozens of civilians',
  speaker: { name: 'Zalmay Khalilzad', role: 'U.S. special envoy' },
  cue: 'said',
  partial: false,
  start: 0,
  end: 10,
  confidence: 0.9,
};
const post: Post = {
  kind: 'post',
  network: 'twitter',
  status: 'full',
  author: { name: 'Siobhan Heanue', handle: 'siobhanheanue' },
  text: 'Pakistan & the US were also involved in negotiations for a prisoner swap. 🙏🏽 #Afghanistan @ABCNews',
  date: '2019-11-19',
  links: ['https://t.co/hcazKH6d2H'],
  start: 0,
  end: 10,
};
const decode = (png: Uint8Array | undefined) => PNG.sync.read(Buffer.from(png as Uint8Array));

describe('renderCard', () => {
  test.each([
    { name: 'quote og light', item: quote, options: {} },
    { name: 'quote story dark', item: quote, options: { size: 'story', theme: 'dark' } as const },
    { name: 'post square', item: post, options: { size: 'square' } as const },
    { name: 'post custom size', item: post, options: { size: { width: 800, height: 418 } } },
  ])('$name: the same input gives byte-identical SVG and PNG', async ({ item, options }) => {
    const a = await renderCard(item, options);
    const b = await renderCard(structuredClone(item), { ...options });
    expect(a.svg).toBe(b.svg);
    expect(Buffer.from(a.png as Uint8Array).equals(Buffer.from(b.png as Uint8Array))).toBe(true);
    const png = decode(a.png);
    expect([png.width, png.height]).toEqual([a.width, a.height]);
    expect(a.svg.startsWith(`<svg width="${a.width}" height="${a.height}"`)).toBe(true);
  });

  test('og card is a palette PNG with the same pixels as resvg draws, at most 2/3 the size of its RGBA PNG', async () => {
    const card = await renderCard(quote);
    expect(card.png?.[25]).toBe(3);
    const rgba = new Resvg(card.svg, { font: { loadSystemFonts: false } }).render();
    expect(card.png?.length).toBeLessThan((rgba.asPng().length * 2) / 3);
    expect(Buffer.from(decode(card.png).data).equals(Buffer.from(rgba.pixels))).toBe(true);
    expect(card.warnings).toEqual([]);
    expect(card.truncated).toBe(false);
  });

  test.each([
    { name: 'og quote', item: quote },
    { name: 'og post', item: post },
  ])("compression 'small' ($name): at most 25 KB, the same pixels as 'fast', the same bytes every time", async ({ item }) => {
    const fast = await renderCard(item);
    const small = await renderCard(item, { compression: 'small' });
    const again = await renderCard(item, { compression: 'small' });
    expect(small.png?.length).toBeLessThanOrEqual(25_000);
    expect(small.png?.length).toBeLessThan(((fast.png?.length ?? 0) * 3) / 4);
    expect(Buffer.from(decode(small.png).data).equals(Buffer.from(decode(fast.png).data))).toBe(true);
    expect(Buffer.from(small.png as Uint8Array).equals(Buffer.from(again.png as Uint8Array))).toBe(true);
    expect(small.svg).toBe(fast.svg);
  });

  test('format svg returns no png', async () => {
    const card = await renderCard(quote, { format: 'svg' });
    expect(card.png).toBeUndefined();
    expect(card.svg).toContain('<svg');
  });

  test('alt text names the words, the speaker and the source', async () => {
    const card = await renderCard(quote, { site: 'GVS News', date: '2019-12-13' });
    expect(card.alt).toContain('When I met the Talibs today');
    expect(card.alt).toContain('Zalmay Khalilzad');
    expect(card.alt).toContain('GVS News');
    const p = await renderCard(post);
    expect(p.alt).toContain('Siobhan Heanue (@siobhanheanue)');
    expect(p.alt).toContain('prisoner swap');
  });

  test('emoji with a skin tone draws from Twemoji without warnings', async () => {
    const card = await renderCard(post);
    expect(card.warnings).toEqual([]);
    expect(card.svg).toContain('data:image/svg+xml');
  });

  test('text no bundled font covers is reported by script, and strict throws', async () => {
    // Syriac has no bundled font nor an installed optional one; a few letters of it in an English quote draw
    const syriac = { ...quote, text: 'The sign at the gate read ܫܠܡܐ, which means peace, and we kept it there.' };
    const card = await renderCard(syriac);
    expect(card.warnings.some((w) => /^No font has glyphs for \d+ characters \(Syriac: /.test(w))).toBe(true);
    await expect(renderCard(syriac, { strict: true })).rejects.toThrow(FontError);
    await expect(renderCard(syriac, { strict: true })).rejects.toThrow(/Syriac/);
  });

  test('text that cannot fit is cut with a warning, and strict throws', async () => {
    const long = { ...quote, text: 'word '.repeat(190).trim() };
    const card = await renderCard(long, { size: { width: 400, height: 300 } });
    expect(card.truncated).toBe(true);
    expect(card.warnings.join(' ')).toMatch(/cut/i);
    await expect(renderCard(long, { size: { width: 400, height: 300 }, strict: true })).rejects.toThrow(LimitError);
  });

  test('a user template gets the theme, size and measurer, and its tree is drawn', async () => {
    let seen: TemplateContext | undefined;
    const card = await renderCard(quote, {
      size: 'square',
      theme: { accent: '#0055ff' },
      template: (item, ctx) => {
        seen = ctx;
        return h('div', { style: { display: 'flex', width: '100%', height: '100%', background: ctx.theme.accent, color: '#fff', fontSize: 40, fontFamily: ctx.theme.fonts.sans } }, item.kind);
      },
    });
    expect(seen?.size).toEqual({ width: 1080, height: 1080, name: 'square' });
    expect(seen?.theme.accent).toBe('#0055ff');
    expect(seen?.measure.width('quote', { family: seen.theme.fonts.sans, fontSize: 40 })).toBeGreaterThan(50);
    const png = decode(card.png);
    expect([...png.data.subarray(0, 3)]).toEqual([0x00, 0x55, 0xff]);
  });

  test('bad input is a typed error before anything is drawn', async () => {
    await expect(renderCard(quote, { size: 'huge' as never })).rejects.toThrow(InputError);
    await expect(renderCard({ ...quote, text: '' })).rejects.toThrow('Invalid value for field "quote.text". Allowed: non-empty text. Received: "".');
    await expect(renderCard(quote, { size: { width: 100000, height: 100000 } })).rejects.toThrow(LimitError);
    await expect(renderCard(quote, { nope: 1 } as never)).rejects.toBeInstanceOf(QuoteCardError);
  });
});

describe('text hygiene before drawing', () => {
  test('bidi overrides and zero-width characters are removed with a warning, the words kept', async () => {
    const card = await renderCard({ ...quote, text: 'Pay \u202Eyrevocer\u202C the \u200Bbill now, he said' }, { format: 'svg' });
    expect(card.warnings).toContain('quote.text: removed 2 bidirectional control characters (U+202E, U+202C)');
    expect(card.alt).toContain('Pay yrevocer the bill now');
  });
  test('zalgo is capped so it cannot blow up the SVG', async () => {
    const zalgo = `Z${'\u0336'.repeat(10_000)}algo is here today`;
    const card = await renderCard({ ...quote, text: zalgo }, { format: 'svg' });
    expect(card.svg.length).toBeLessThan(200_000);
    expect(card.warnings.join(' ')).toMatch(/combining/);
  });
  test('a quote of only invisible characters is empty, an error', async () => {
    await expect(renderCard({ ...quote, text: '\u200B\u202E\u2066' })).rejects.toThrow('Invalid value for field "quote.text". Allowed: non-empty text.');
  });
});

describe('the hydrate option', () => {
  const linkOnly: Post = { kind: 'post', network: 'twitter', status: 'link-only', id: '1205586092185006081', url: 'https://twitter.com/MarioZambeli/status/1205586092185006081', author: { handle: 'MarioZambeli' }, links: [], start: 0, end: 0 };
  test('a refused download falls back to the offline card with a warning (no connection is made)', async () => {
    const card = await renderCard(linkOnly, { hydrate: { apiUrl: 'https://127.0.0.1:9/tweet-result', allowHosts: ['127.0.0.1:9'], timeoutMs: 500 } });
    expect(card.warnings.join('\n')).toMatch(/127\.0\.0\.1/);
    expect(card.alt).toContain('@MarioZambeli');
    expect(decode(card.png).width).toBe(1200);
  });
  test('without the option nothing is fetched and nothing is said about the network', async () => {
    const card = await renderCard(linkOnly);
    expect(card.warnings).toEqual([]);
  });
  test('bad hydrate options are typed errors', async () => {
    await expect(renderCard(linkOnly, { hydrate: 'yes' as never })).rejects.toThrow(InputError);
    await expect(renderCard(linkOnly, { hydrate: { apiUrl: 'http://example.com/x' } })).rejects.toThrow('Invalid value for option "hydrate.apiUrl". Allowed: an https URL. Received: "http://example.com/x".');
  });
});

describe('quoteCard and postCard', () => {
  test('return plain { type, props } trees', () => {
    const tree = quoteCard(quote);
    expect(typeof tree.type).toBe('string');
    expect(JSON.parse(JSON.stringify(tree))).toEqual(tree);
    expect(typeof postCard(post, { size: 'story' }).type).toBe('string');
  });
  test('refuse the other kind', () => {
    expect(() => quoteCard(post as never)).toThrow('Invalid value for field "item.kind". Allowed: "quote". Received: "post".');
    expect(() => postCard(quote as never)).toThrow('Invalid value for field "item.kind". Allowed: "post". Received: "quote".');
  });
});
