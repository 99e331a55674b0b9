import { describe, expect, test } from 'vitest';
import { altText, postTemplate, quoteDisplayText, quoteTemplate, resolveTheme, shapeOf, stripMediaLinks, tokenize } from '../src/cards/index.js';
import { InputError } from '../src/errors.js';
import { encodePng } from '../src/png/png-encoder.js';
import { contextFor } from './helpers/fonts.js';
import type { Node, Post, Quote, SizeName, TemplateContext } from '../src/types.js';

const SIZES: Record<SizeName, { width: number; height: number }> = {
  og: { width: 1200, height: 630 },
  square: { width: 1080, height: 1080 },
  portrait: { width: 1080, height: 1350 },
  story: { width: 1080, height: 1920 },
};

/** A PNG signature and IHDR claiming `width`×`height`, with no pixel data (a pixel bomb's header). */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return bytes;
}

function context(over: Partial<TemplateContext> = {}) {
  const { ctx, notes } = contextFor({ site: 'GVS News', date: '2019-12-13' });
  return { ctx: { ...ctx, ...over }, notes };
}

/** Every string in the tree, in order. */
function texts(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string' || typeof node === 'number') out.push(String(node));
  else if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (node && typeof node === 'object') texts((node as Node).props.children, out);
  return out;
}

/** Every node, depth first. */
function nodes(node: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(node)) for (const n of node) nodes(n, out);
  else if (node && typeof node === 'object') {
    out.push(node as Node);
    nodes((node as Node).props.children, out);
  }
  return out;
}

const quote = (over: Partial<Quote> = {}): Quote => ({ kind: 'quote', text: 'The council will vote on Tuesday', partial: false, start: 0, end: 0, confidence: 1, ...over });
const post = (over: Partial<Post> = {}): Post => ({
  kind: 'post',
  network: 'twitter',
  status: 'full',
  author: { name: 'Siobhan Heanue', handle: 'siobhanheanue' },
  text: 'Talks resume in Doha',
  date: '2019-11-19',
  links: [],
  start: 0,
  end: 0,
  ...over,
});

describe('quote text as printed', () => {
  const cases = [
    { name: 'a fragment starting mid-sentence opens with an ellipsis', input: { text: 'must show they are willing & able to respond to Afghan desire for peace', partial: true }, expected: '…must show they are willing & able to respond to Afghan desire for peace.' },
    { name: 'the comma of “…,” he said does not end a whole quote', input: { text: 'We will not back down,', partial: false }, expected: 'We will not back down.' },
    { name: 'a fragment cut at a comma trails off', input: { text: 'cordial and positive atmosphere,', partial: true }, expected: '…cordial and positive atmosphere…' },
    { name: 'a semicolon or colon is dropped too', input: { text: 'It is over;', partial: false }, expected: 'It is over.' },
    { name: 'sentence punctuation is kept', input: { text: 'Is this the end?', partial: false }, expected: 'Is this the end?' },
    { name: 'a quote ending in an emoji gets no full stop after it', input: { text: 'We will keep it open 🌉', partial: false }, expected: 'We will keep it open 🌉' },
    { name: 'nor one ending in a skin-toned emoji or a flag', input: { text: 'Well done 👍🏽', partial: false }, expected: 'Well done 👍🏽' },
    { name: 'a flag at the end', input: { text: 'Proud to be here 🇵🇰', partial: false }, expected: 'Proud to be here 🇵🇰' },
    { name: 'an emoji inside the quote still leaves the full stop', input: { text: 'The 🌉 reopens on Monday', partial: false }, expected: 'The 🌉 reopens on Monday.' },
    { name: 'a capitalised fragment gets no leading ellipsis', input: { text: 'Afghan desire for peace', partial: true }, expected: 'Afghan desire for peace.' },
  ];
  for (const c of cases) test(c.name, () => expect(quoteDisplayText(c.input)).toBe(c.expected));
});

describe('quote card tree', () => {
  const cases = [
    { name: 'fragment shows its ellipsis', input: quote({ text: 'must show they are willing', partial: true, speaker: { name: 'Zalmay Khalilzad' } }), has: ['…must show they are willing.', 'Zalmay Khalilzad'], lacks: [] as string[] },
    { name: 'no speaker → no name line', input: quote(), has: ['The council will vote on Tuesday.'], lacks: ['undefined', 'Zalmay Khalilzad'] },
    { name: 'role under the name', input: quote({ speaker: { name: 'Asif Ghafoor', role: 'army spokesperson' } }), has: ['Asif Ghafoor', 'army spokesperson'], lacks: ['undefined'] },
    { name: 'source line with site and date', input: quote(), has: ['GVS NEWS · December 13, 2019'], lacks: [] },
  ];
  for (const c of cases) {
    for (const size of Object.keys(SIZES) as SizeName[]) {
      test(`${c.name} (${size})`, () => {
        const { ctx } = context({ size: { ...SIZES[size], name: size } });
        const all = texts(quoteTemplate(c.input, ctx)).join(' ').replace(/\s+/g, ' ');
        for (const s of c.has) expect(all).toContain(s);
        for (const s of c.lacks) expect(all).not.toContain(s);
      });
    }
  }
  test('no site and no date → no source line', () => {
    const { ctx } = context({ site: undefined, date: undefined });
    expect(texts(quoteTemplate(quote(), ctx)).join('|')).not.toContain('·');
  });
  test('the date follows the locale', () => {
    const { ctx } = context({ locale: 'fr-FR' });
    expect(texts(quoteTemplate(quote(), ctx)).join('|')).toContain('13 décembre 2019');
  });
  test('every div with more than one child is a flex box', () => {
    const { ctx } = context();
    for (const tree of [quoteTemplate(quote({ speaker: { name: 'A B', role: 'c' } }), ctx), postTemplate(post(), ctx), postTemplate(post({ status: 'link-only', text: undefined }), ctx)]) {
      for (const n of nodes(tree)) {
        const kids = n.props.children;
        if (n.type === 'div' && Array.isArray(kids) && kids.length > 1) expect(n.props.style?.display).toBe('flex');
      }
    }
  });
  test.each([
    { name: 'left-to-right text is one text node, its lines joined by newlines', text: 'We will not back down from the commitments this council made to every family in the district last spring', lines: 'one node' },
    { name: 'a right-to-left quote keeps a node per line (satori orders each line by its direction)', text: 'لن نتراجع عن الالتزامات التي قطعها هذا المجلس لكل عائلة في المنطقة في الربيع الماضي أمام الجميع', lines: 'per line' },
  ])('$name', ({ text, lines }) => {
    const { ctx } = context({ size: { ...SIZES.square, name: 'square' } });
    const tree = quoteTemplate(quote({ text }), ctx);
    const quoteNodes = nodes(tree).filter((n) => n.props.style?.fontFamily === ctx.theme.fonts.serif && typeof n.props.children === 'string');
    if (lines === 'one node') {
      expect(quoteNodes).toHaveLength(1);
      const node = quoteNodes[0] as Node;
      const drawn = String(node.props.children).split('\n');
      expect(drawn.length).toBeGreaterThan(1);
      expect(drawn.join(' ')).toBe(`${text}.`);
      // the box is exactly lines × line height, so satori never re-wraps or clips it
      expect(node.props.style?.height).toBe(drawn.length * Number.parseInt(String(node.props.style?.lineHeight), 10));
      expect(node.props.style?.whiteSpace).toBe('pre');
    } else {
      expect(quoteNodes.length).toBeGreaterThan(1);
      for (const n of quoteNodes) expect(String(n.props.children)).not.toContain('\n');
    }
  });
  test('an accent run (a hashtag) keeps its line as spans', () => {
    const { ctx } = context();
    const tree = postTemplate(post({ text: 'Talks resume in Doha #Afghanistan' }), ctx);
    expect(nodes(tree).some((n) => n.type === 'span' && n.props.children === '#Afghanistan' && n.props.style?.color === ctx.theme.accent)).toBe(true);
  });
  test('in a post with an accent run, the plain lines before it are one text node and its own line keeps spans', () => {
    const { ctx } = context();
    const text = `${'The council will meet again next week to talk about the bridge, the budget and the ferry. '.repeat(2)}#Afghanistan`;
    const tree = postTemplate(post({ text }), ctx);
    const hasTag = (row: Node) => Array.isArray(row.props.children) && (row.props.children as Node[]).some((c) => c.type === 'span' && texts(c).join('') === '#Afghanistan');
    const block = nodes(tree).find((n) => n.props.style?.flexDirection === 'column' && Array.isArray(n.props.children) && (n.props.children as Node[]).some(hasTag));
    expect(block).toBeDefined();
    const rows = (block as Node).props.children as Node[];
    const lineHeight = Number.parseInt(String(rows[0]?.props.style?.lineHeight), 10);
    const plain = rows.filter((r) => typeof r.props.children === 'string');
    const accented = rows.filter((r) => Array.isArray(r.props.children));
    expect(plain).toHaveLength(1);
    const drawn = String(plain[0]?.props.children).split('\n');
    expect(drawn.length).toBeGreaterThan(1);
    expect(plain[0]?.props.style?.height).toBe(drawn.length * lineHeight);
    expect(accented).toHaveLength(1);
    expect(texts(accented[0]).join('')).toContain('#Afghanistan');
    // every line is still there, in order, and the rows fill the text box exactly
    expect([...drawn, texts(accented[0]).join('')].join(' ')).toBe(text);
    expect(rows.reduce((h, r) => h + Number(r.props.style?.height), 0)).toBe((block as Node).props.style?.height);
  });
  test('an overlong quote is cut, marked and warned about', () => {
    const { ctx, notes } = context();
    quoteTemplate(quote({ text: 'word '.repeat(400).trim() }), ctx);
    expect(notes.truncated).toBe(true);
    expect(notes.warnings.some((w) => w.startsWith('Quote text cut to fit the card'))).toBe(true);
  });
});

describe('post card tree', () => {
  test('mentions, hashtags, cashtags and links are drawn in the accent', () => {
    const { ctx } = context();
    const tree = postTemplate(post({ text: 'Hi @pfrazee #peace $TWTR https://example.com/a and more' }), ctx);
    const accented = nodes(tree).filter((n) => n.type === 'span' && n.props.style?.color === ctx.theme.accent).map((n) => texts(n).join(''));
    expect(accented).toEqual(['@pfrazee', '#peace', '$TWTR', 'example.com/a']);
  });
  test('t.co and pic.twitter.com links become a media note, not raw URLs', () => {
    const { ctx } = context();
    const all = texts(postTemplate(post({ text: 'Look pic.twitter.com/abc', links: ['https://t.co/hcazKH6d2H'] }), ctx)).join('|');
    expect(all).not.toContain('t.co');
    expect(all).not.toContain('pic.twitter.com');
    expect(all).toContain('2 attachments');
  });
  test('media types name the note', () => {
    const { ctx } = context();
    const all = texts(postTemplate(post({ media: [{ type: 'photo', url: 'https://x/1.jpg' }, { type: 'photo', url: 'https://x/2.jpg' }] }), ctx)).join('|');
    expect(all).toContain('2 photos');
  });
  test('line breaks are kept', () => {
    const { ctx } = context();
    const lines = texts(postTemplate(post({ text: 'First line\n\nSecond line' }), ctx)).flatMap((t) => t.split('\n'));
    expect(lines).toEqual(expect.arrayContaining(['First line', '', 'Second line']));
    expect(lines.indexOf('Second line') - lines.indexOf('First line')).toBe(2);
  });
  test('verified authors get a badge; others do not', () => {
    const { ctx } = context();
    const badge = (p: Post) => nodes(postTemplate(p, ctx)).some((n) => n.props['aria-label'] === 'verified');
    expect(badge(post({ author: { name: 'A', handle: 'a', verified: true } }))).toBe(true);
    expect(badge(post())).toBe(false);
  });
  test('without avatar bytes an initials disc is drawn; with PNG bytes an image', () => {
    const { ctx } = context();
    expect(texts(postTemplate(post(), ctx))).toContain('SH');
    const png = encodePng(new Uint8Array(2 * 2 * 4).fill(200), 2, 2);
    const img = nodes(postTemplate(post({ author: { name: 'A', handle: 'a', avatar: png } }), ctx)).find((n) => n.type === 'img');
    expect(String(img?.props.src)).toMatch(/^data:image\/png;base64,/);
  });
  test.each([
    { name: 'not an image', avatar: new TextEncoder().encode('<html>nope</html>'), reason: 'Invalid value for input "post.author.avatar". Allowed: PNG, JPEG, GIF or WebP bytes with a readable header.' },
    { name: 'a truncated PNG', avatar: Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), reason: 'Invalid value for input "post.author.avatar".' },
    { name: 'a 20000×20000 pixel bomb', avatar: pngHeader(20000, 20000), reason: 'Image too large for input "post.author.avatar". Allowed: at most 16777216 pixels. Received: 20000×20000 (400000000 pixels).' },
  ])('avatar that is $name: initials disc and a warning', ({ avatar, reason }) => {
    const { ctx, notes } = context();
    const tree = postTemplate(post({ author: { name: 'Siobhan Heanue', handle: 'sh', avatar } }), ctx);
    expect(nodes(tree).some((n) => n.type === 'img')).toBe(false);
    expect(texts(tree)).toContain('SH');
    expect(notes.warnings.join('\n')).toContain(`Avatar skipped, an initials disc is drawn instead: ${reason}`);
  });
  test('link-only: mark, handle, address and "View post on X", no invented text', () => {
    const { ctx } = context();
    const all = texts(postTemplate(post({ status: 'link-only', text: undefined, author: { handle: 'MarioZambeli' }, url: 'https://twitter.com/MarioZambeli/status/1205586092185006081' }), ctx));
    expect(all).toEqual(['@MarioZambeli', 'twitter.com/MarioZambeli/status/1205586092185006081', 'View post on X']);
  });
  test('unavailable: a tombstone', () => {
    const { ctx } = context();
    const all = texts(postTemplate(post({ status: 'unavailable', network: 'bluesky', text: undefined, author: { handle: 'someone.bsky.social' } }), ctx)).join('|');
    expect(all).toContain('This post is unavailable');
    expect(all).toContain('@someone.bsky.social');
  });
});

describe('rich text', () => {
  const cases = [
    { name: 'kinds', input: 'Hi @a_b #tag $AAPL www.x.org', expected: ['text', 'mention', 'text', 'hashtag', 'text', 'cashtag', 'text', 'link'] },
    { name: 'e-mail is not a mention', input: 'mail me@x.com', expected: ['text'] },
    { name: 'a price is not a cashtag', input: 'costs $5', expected: ['text'] },
    { name: 'mastodon handle', input: '@user@mastodon.social', expected: ['mention'] },
  ];
  for (const c of cases) test(c.name, () => expect(tokenize(c.input).map((t) => t.kind)).toEqual(c.expected));
  test('media links are stripped and counted', () => {
    expect(stripMediaLinks('Photo: https://t.co/abc', [])).toEqual({ text: 'Photo:', media: 1 });
  });
});

describe('themes', () => {
  const errors = [
    { name: 'unknown key', input: { accnt: '#f00' }, expected: 'Unknown key "accnt" in option "theme". Allowed: "name", "background", "surface", "foreground", "muted", "accent", "border", "fonts", "radius", "site", "quoteMarks", "logo". Received: "accnt".' },
    { name: 'non-string colour', input: { accent: 12 }, expected: 'Invalid value for option "theme.accent". Allowed: a CSS colour such as "#c8102e", "rgb(200 16 46)" or "crimson". Received: 12.' },
    { name: 'bad radius', input: { radius: -4 }, expected: 'Invalid value for option "theme.radius". Allowed: a number of px from 0 to 200. Received: -4.' },
    { name: 'bad fonts', input: { fonts: { display: 'X' } }, expected: 'Unknown key "display" in option "theme.fonts". Allowed: "serif", "sans". Received: "display".' },
  ];
  for (const c of errors) {
    test(`rejects ${c.name}`, () => {
      expect(() => resolveTheme(c.input as never)).toThrow(InputError);
      expect(() => resolveTheme(c.input as never)).toThrow(c.expected);
    });
  }
  test('a partial theme is laid over light, or over dark when it says so', () => {
    expect(resolveTheme({ accent: '#0055aa' })).toMatchObject({ accent: '#0055aa', background: resolveTheme('light').background });
    expect(resolveTheme({ name: 'dark', accent: 'gold' })).toMatchObject({ accent: 'gold', background: resolveTheme('dark').background });
  });
});

describe('shapes', () => {
  const cases = [
    { name: 'og preset', input: { width: 1200, height: 630, name: 'og' as const }, expected: 'wide' },
    { name: 'twitter card 1600×900', input: { width: 1600, height: 900 }, expected: 'wide' },
    { name: 'near square', input: { width: 1000, height: 1050 }, expected: 'square' },
    { name: '4:5', input: { width: 800, height: 1000 }, expected: 'tall' },
    { name: '9:16', input: { width: 720, height: 1280 }, expected: 'story' },
  ];
  for (const c of cases) test(c.name, () => expect(shapeOf(c.input)).toBe(c.expected));
});

describe('alt text', () => {
  const cases = [
    { name: 'quote', input: quote({ speaker: { name: 'Asif Ghafoor', role: 'army spokesperson' } }), expected: 'Quote card: “The council will vote on Tuesday.” — Asif Ghafoor, army spokesperson. GVS News, December 13, 2019.' },
    { name: 'quote without speaker or source', input: quote({ partial: true, text: 'cordial and positive atmosphere' }), ctx: { site: undefined, date: undefined }, expected: 'Quote card: “…cordial and positive atmosphere.”' },
    { name: 'post', input: post({ links: ['https://t.co/x'] }), expected: 'Post by Siobhan Heanue (@siobhanheanue) on X, November 19, 2019: Talks resume in Doha (1 attachment)' },
    { name: 'link-only', input: post({ status: 'link-only', text: undefined, date: undefined, author: { handle: 'MarioZambeli' }, url: 'https://twitter.com/MarioZambeli/status/1' }), expected: 'Post by @MarioZambeli on X; its text is not shown at twitter.com/MarioZambeli/status/1.' },
    { name: 'unavailable', input: post({ status: 'unavailable', network: 'mastodon', text: undefined }), expected: 'Unavailable post on Mastodon by Siobhan Heanue (@siobhanheanue): this post is unavailable.' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const { ctx } = context(c.ctx ?? {});
      expect(altText(c.input, ctx)).toBe(c.expected);
    });
  }
});
