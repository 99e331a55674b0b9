/**
 * Quotes and posts written by hand: renderCard() draws `{ kind: 'quote', text, speaker? }` and
 * `{ kind: 'post', network, text?, author? }` — no offsets, `partial`, `confidence`, `status` or `links` —
 * as it draws the same item with those filled in as extract() fills them; and the PNG's bytes own a plain
 * ArrayBuffer, which is what lets `new Response(card.png)` take them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type FetchFunction, hydratePost, type ItemInput, type Post, postCard, type Quote, quoteCard, renderCard } from '../src/index.js';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

const cases: Array<{ name: string; input: ItemInput; full: Quote | Post }> = [
  {
    name: 'a quote with only its text',
    input: { kind: 'quote', text: 'Nothing in the article but these words' },
    full: { kind: 'quote', text: 'Nothing in the article but these words', partial: false, start: 0, end: 40, confidence: 1 },
  },
  {
    name: 'a quote with a speaker',
    input: { kind: 'quote', text: 'We will meet again next week', speaker: { name: 'Ada Lovelace', role: 'Analyst' } },
    full: { kind: 'quote', text: 'We will meet again next week', speaker: { name: 'Ada Lovelace', role: 'Analyst' }, partial: false, start: 3, end: 31, confidence: 0.4 },
  },
  {
    name: 'a post with text and an author',
    input: { kind: 'post', network: 'bluesky', text: 'Drawn by hand, no article around it', author: { name: 'Sam Rivera', handle: 'sam.bsky.social' } },
    full: { kind: 'post', network: 'bluesky', status: 'full', text: 'Drawn by hand, no article around it', author: { name: 'Sam Rivera', handle: 'sam.bsky.social' }, links: [], start: 0, end: 0 },
  },
  {
    name: 'a post with no text',
    input: { kind: 'post', network: 'twitter', url: 'https://twitter.com/jack/status/20', author: { handle: 'jack' } },
    full: { kind: 'post', network: 'twitter', status: 'link-only', url: 'https://twitter.com/jack/status/20', author: { handle: 'jack' }, links: [], start: 0, end: 0 },
  },
];

describe('items written by hand', () => {
  test.each(cases)('$name is drawn as the full item is, with no warning', async ({ input, full }) => {
    const [mine, theirs] = await Promise.all([renderCard(input), renderCard(full)]);
    expect(mine.warnings).toEqual([]);
    expect(mine.svg).toBe(theirs.svg);
    expect(same(mine.png, theirs.png)).toBe(true);
    expect(mine.alt).toBe(theirs.alt);
    const tree = input.kind === 'quote' ? quoteCard(input) : postCard(input);
    expect(tree).toEqual(full.kind === 'quote' ? quoteCard(full) : postCard(full));
  });

  test('with hydrate, a link-only tweet written by hand is filled in as the full one is', async () => {
    const tweet = readFileSync('tests/fixtures/net/tweet-full.json', 'utf8');
    // the syndication endpoint answers with the recorded tweet; the avatar is not there
    const fetch: FetchFunction = async (url) =>
      String(url).includes('/tweet-result') ? new Response(tweet, { headers: { 'content-type': 'application/json' } }) : new Response('gone', { status: 404 });
    const hydrate = { fetch, media: false };
    const id = '1196817458893938688';
    const byHand: ItemInput = { kind: 'post', network: 'twitter', id };
    const full: Post = { kind: 'post', network: 'twitter', status: 'link-only', id, links: [], start: 0, end: 0 };
    const [mine, theirs] = await Promise.all([renderCard(byHand, { hydrate }), renderCard(full, { hydrate })]);
    expect(mine.svg).toBe(theirs.svg);
    expect(mine.warnings).toEqual(theirs.warnings);
    expect(mine.warnings.filter((w) => w.startsWith('Hydrating'))).toEqual([]);
    const { post } = await hydratePost(byHand, hydrate);
    expect(post).toMatchObject({ status: 'full', text: expect.stringContaining('Productive meeting today'), author: { handle: 'EnvoyOffice' } });
  });

  test('a post given status "full" and no text still says so', async () => {
    const card = await renderCard({ kind: 'post', network: 'twitter', status: 'full', author: { handle: 'jack' } });
    expect(card.warnings).toEqual(['Post has status "full" but no text: drawn as a link-only card.']);
  });

  test.each([
    { name: 'fast', options: { compression: 'fast' } as const },
    { name: 'small', options: { compression: 'small' } as const },
  ])('the PNG (compression $name) is its own bytes in a plain ArrayBuffer', async ({ options }) => {
    const card = await renderCard({ kind: 'quote', text: 'Bytes a Response and a Blob take as they are' }, options);
    expect(Object.prototype.toString.call(card.png.buffer)).toBe('[object ArrayBuffer]');
    expect(card.png.byteLength).toBeGreaterThan(1000);
    const served = new Uint8Array(await new Response(card.png).arrayBuffer());
    expect(same(served, card.png)).toBe(true);
    expect(same(new Uint8Array(await new Blob([card.png]).arrayBuffer()), card.png)).toBe(true);
  });
});
