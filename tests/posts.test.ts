import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findEmbedDate, parseEmbedDate, parseStatusUrl, tweetText } from '../src/ingest/posts/index.js';
import { ingest } from '../src/ingest/index.js';
import type { Post } from '../src/types.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** A post without offsets and kind, as expected.json files list them. */
function bare(post: Post): Record<string, unknown> {
  const { kind: _kind, start: _start, end: _end, ...rest } = post;
  return rest;
}

/** The one post ingest finds in `html`. */
function onlyPost(html: string): { post: Post; text: string } {
  const article = ingest(html);
  expect(article.posts).toHaveLength(1);
  return { post: article.posts[0] as Post, text: article.text };
}

describe('parseStatusUrl', () => {
  const cases = [
    { name: 'twitter /status/ with ref_src', input: 'https://twitter.com/siobhanheanue/status/1196710234617479168?ref_src=twsrc%5Etfw', expected: { network: 'twitter', id: '1196710234617479168', handle: 'siobhanheanue', url: 'https://twitter.com/siobhanheanue/status/1196710234617479168' } },
    { name: 'x.com', input: 'https://x.com/elonmusk/status/1519480761749016577', expected: { network: 'twitter', id: '1519480761749016577', handle: 'elonmusk', url: 'https://x.com/elonmusk/status/1519480761749016577' } },
    { name: 'old /statuses/ path, mobile host', input: 'http://mobile.twitter.com/jack/statuses/20', expected: { network: 'twitter', id: '20', handle: 'jack', url: 'https://twitter.com/jack/status/20' } },
    { name: 'i/web/status has no handle', input: 'https://twitter.com/i/web/status/123456', expected: { network: 'twitter', id: '123456', handle: undefined, url: 'https://twitter.com/i/web/status/123456' } },
    { name: 'bluesky with handle', input: 'https://bsky.app/profile/nsidc.bsky.social/post/3lhxkq2pzbs2c', expected: { network: 'bluesky', id: '3lhxkq2pzbs2c', handle: 'nsidc.bsky.social', url: 'https://bsky.app/profile/nsidc.bsky.social/post/3lhxkq2pzbs2c' } },
    { name: 'bluesky with did', input: 'https://bsky.app/profile/did:plc:abc/post/3kx?ref_src=embed', expected: { network: 'bluesky', id: '3kx', handle: undefined, url: 'https://bsky.app/profile/did:plc:abc/post/3kx' } },
    { name: 'mastodon', input: 'https://mastodon.social/@Gargron/99662106175542726', expected: { network: 'mastodon', id: '99662106175542726', handle: 'Gargron@mastodon.social', url: 'https://mastodon.social/@Gargron/99662106175542726' } },
    { name: 'mastodon remote account', input: 'https://social.treehouse.systems/@baylibre@fosstodon.org/108307448501709873', expected: { network: 'mastodon', id: '108307448501709873', handle: 'baylibre@fosstodon.org', url: 'https://social.treehouse.systems/@baylibre@fosstodon.org/108307448501709873' } },
    { name: 'threads', input: 'https://www.threads.net/@zuck/post/CuP48CiS5sx/', expected: { network: 'threads', id: 'CuP48CiS5sx', handle: 'zuck', url: 'https://www.threads.net/@zuck/post/CuP48CiS5sx' } },
    { name: 'instagram', input: 'https://www.instagram.com/p/CmQbVQUqBLj/?utm_source=ig_embed', expected: { network: 'instagram', id: 'CmQbVQUqBLj', handle: undefined, url: 'https://www.instagram.com/p/CmQbVQUqBLj/' } },
    { name: 'a twitter profile is no post', input: 'https://twitter.com/jack', expected: undefined },
    { name: 'medium is not mastodon', input: 'https://medium.com/@someone/123456', expected: undefined },
    { name: 'a handle longer than 15 is no tweet', input: 'https://twitter.com/abcdefghijklmnopq/status/1', expected: undefined },
  ];
  for (const c of cases) test(c.name, () => expect(parseStatusUrl(c.input)).toEqual(c.expected));
});

describe('embed dates', () => {
  const cases = [
    { name: 'Month D, YYYY', input: 'November 19, 2019', expected: '2019-11-19' },
    { name: 'short month with time', input: 'Nov 25, 2024 at 12:58 AM', expected: '2024-11-25' },
    { name: 'day first', input: '28 April 2023', expected: '2023-04-28' },
    { name: 'French', input: '13 février 2025 à 09:41', expected: '2025-02-13' },
    { name: 'Spanish', input: '3 de agosto de 2017', expected: '2017-08-03' },
    { name: 'ISO datetime', input: '2017-08-03T14:57:23+00:00', expected: '2017-08-03' },
    { name: 'impossible day', input: 'February 30, 2020', expected: undefined },
    { name: 'not a date', input: 'Read more', expected: undefined },
  ];
  for (const c of cases) test(c.name, () => expect(parseEmbedDate(c.input)).toBe(c.expected));
  test('a date at the end of a signature', () => expect(findEmbedDate('(@h) July 5, 2024')).toBe('2024-07-05'));
});

describe('tweet text', () => {
  const cases = [
    { name: 'trailing t.co removed', input: 'Peace talks. https://t.co/hcazKH6d2H', expected: 'Peace talks.' },
    { name: 'media link removed, content link before it kept', input: 'Details: https://t.co/Qm3 pic.twitter.com/Hq9', expected: 'Details: https://t.co/Qm3' },
    { name: 'mid-text t.co kept', input: 'See https://t.co/abc for more', expected: 'See https://t.co/abc for more' },
    { name: 'line breaks kept', input: 'One\n\n\n\nTwo  words', expected: 'One\n\nTwo words' },
  ];
  for (const c of cases) test(c.name, () => expect(tweetText(c.input)).toBe(c.expected));
});

describe('embed markup', () => {
  const tweet = (inner: string, link = 'https://twitter.com/UNHCRPakistan/status/1565601835113816064?ref_src=twsrc%5Etfw') =>
    `<article><p>Before the embed, a paragraph of ordinary news prose.</p><blockquote class="twitter-tweet" data-lang="en">${inner}&mdash; UNHCR Pakistan (@UNHCRPakistan) <a href="${link}">September 2, 2022</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script><p>After.</p></article>`;
  const cases: { name: string; input: string; expected: Partial<Post>; covers: string }[] = [
    {
      name: 'twitter blockquote: text, entities, emoji, hashtag, media link',
      input: tweet('<p lang="en" dir="ltr">Food &amp; water 🇵🇰 <a href="https://twitter.com/hashtag/Floods?src=hash&amp;ref_src=twsrc%5Etfw">#Floods</a> <a href="https://t.co/Hq9WvX2aYc">pic.twitter.com/Hq9WvX2aYc</a></p>'),
      expected: { network: 'twitter', status: 'full', id: '1565601835113816064', url: 'https://twitter.com/UNHCRPakistan/status/1565601835113816064', author: { name: 'UNHCR Pakistan', handle: 'UNHCRPakistan' }, text: 'Food & water 🇵🇰 #Floods', date: '2022-09-02', links: ['https://pic.twitter.com/Hq9WvX2aYc'] },
      covers: 'Food & water',
    },
    {
      name: 'twitter blockquote: <br>s kept as line breaks, x.com statuses path',
      input: tweet('<p lang="en" dir="ltr">Line one<br>Line two<br><br>Line three</p>', 'https://x.com/UNHCRPakistan/statuses/42?ref_src=twsrc%5Etfw'),
      expected: { status: 'full', id: '42', url: 'https://x.com/UNHCRPakistan/status/42', text: 'Line one\nLine two\n\nLine three' },
      covers: 'Line one\nLine two',
    },
    {
      name: 'twitter blockquote with only a link is link-only',
      input: '<p>Intro paragraph of the story.</p><blockquote class="twitter-tweet"><a href="https://twitter.com/jack/status/20">https://twitter.com/jack/status/20</a></blockquote>',
      expected: { status: 'link-only', id: '20', author: { handle: 'jack' } },
      covers: 'twitter.com/jack/status/20',
    },
    {
      name: 'twitter blockquote tombstone is unavailable',
      input: tweet('<p lang="en" dir="ltr">This Tweet was deleted by the Tweet author. <a href="https://help.twitter.com/rules-and-policies/notices-on-twitter">Learn more</a></p>'),
      expected: { status: 'unavailable', id: '1565601835113816064', links: [] },
      covers: 'This Tweet was deleted',
    },
    {
      name: 'rendered iframe keeps the id',
      input: '<p>Intro paragraph of the story.</p><iframe class="twitter-tweet twitter-tweet-rendered" data-tweet-id="1814216215346655433" src="https://platform.twitter.com/embed/Tweet.html?id=1814216215346655433"></iframe>',
      expected: { network: 'twitter', status: 'link-only', id: '1814216215346655433', url: 'https://twitter.com/i/web/status/1814216215346655433' },
      covers: '1814216215346655433',
    },
    {
      name: 'twitter-widget element',
      input: '<p>Intro paragraph of the story.</p><twitter-widget class="twitter-tweet twitter-tweet-rendered" data-tweet-id="77"></twitter-widget>',
      expected: { status: 'link-only', id: '77' },
      covers: 'status/77',
    },
    {
      name: 'bluesky embed',
      input: '<p>Intro paragraph of the story.</p><blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:vjug55kidv6sye7ykr5faxxn/app.bsky.feed.post/3lbq7mxsiek2v" data-bluesky-cid="bafyreie37q"><p lang="en">any replies in this thread<br><br><a href="https://bsky.app/profile/did:plc:vjug55kidv6sye7ykr5faxxn/post/3lbq7mxsiek2v?ref_src=embed">[image or embed]</a></p>&mdash; Emily Liu (<a href="https://bsky.app/profile/did:plc:vjug55kidv6sye7ykr5faxxn?ref_src=embed">@emilyliu.me</a>) <a href="https://bsky.app/profile/did:plc:vjug55kidv6sye7ykr5faxxn/post/3lbq7mxsiek2v?ref_src=embed">November 25, 2024 at 12:58 AM</a></blockquote>',
      expected: { network: 'bluesky', status: 'full', id: '3lbq7mxsiek2v', author: { name: 'Emily Liu', handle: 'emilyliu.me' }, text: 'any replies in this thread', date: '2024-11-25', links: [] },
      covers: 'any replies in this thread',
    },
    {
      name: 'mastodon iframe',
      input: '<p>Intro paragraph of the story.</p><iframe src="https://mastodon.social/@Gargron/99662106175542726/embed" class="mastodon-embed" width="400"></iframe>',
      expected: { network: 'mastodon', status: 'link-only', id: '99662106175542726', author: { handle: 'Gargron@mastodon.social' } },
      covers: '@Gargron/99662106175542726',
    },
    {
      name: 'threads blockquote',
      input: '<p>Intro paragraph of the story.</p><blockquote class="text-post-media" data-text-post-permalink="https://www.threads.net/@zuck/post/CuP48CiS5sx" data-text-post-version="0"><a href="https://www.threads.net/@zuck/post/CuP48CiS5sx"><div>View on Threads</div></a></blockquote>',
      expected: { network: 'threads', status: 'link-only', id: 'CuP48CiS5sx', author: { handle: 'zuck' } },
      covers: 'View on Threads',
    },
    {
      name: 'instagram v14',
      input: '<p>Intro paragraph of the story.</p><blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/CmQbVQUqBLj/?utm_source=ig_embed&amp;utm_campaign=loading" data-instgrm-version="14"><div><a href="https://www.instagram.com/p/CmQbVQUqBLj/"><div>View this post on Instagram</div></a><p><a href="https://www.instagram.com/p/CmQbVQUqBLj/">A post shared by A R C U S T O M S (@_wrap_on_)</a></p></div></blockquote>',
      expected: { network: 'instagram', status: 'link-only', id: 'CmQbVQUqBLj', author: { name: 'A R C U S T O M S', handle: '_wrap_on_' } },
      covers: 'A post shared by',
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const { post, text } = onlyPost(c.input);
      expect(post).toMatchObject(c.expected);
      expect(text.slice(post.start, post.end)).toContain(c.covers);
    });
  }
});

describe('posts in plain text', () => {
  const cases: { name: string; input: string; expected: Partial<Post>[] }[] = [
    { name: 'bare status URL on its own line', input: 'Intro.\nhttps://twitter.com/MarioZambeli/status/1205586092185006081\nMore.', expected: [{ status: 'link-only', id: '1205586092185006081', author: { handle: 'MarioZambeli' }, start: 7, end: 66 }] },
    { name: 'a URL inside a sentence is no embed', input: 'See https://twitter.com/jack/status/20 for the first tweet.', expected: [] },
    { name: '[tweet] shortcode with id', input: 'He replied.\n[tweet 1750934567890123456]', expected: [{ status: 'link-only', id: '1750934567890123456' }] },
    { name: '[tweet] shortcode with URL and options', input: "[tweet https://twitter.com/jack/status/20 align='right']", expected: [{ status: 'link-only', id: '20', author: { handle: 'jack' } }] },
    { name: 'tombstone', input: 'Before.\nTweet may have been deleted\nAfter.', expected: [{ status: 'unavailable', start: 8, end: 35 }] },
    {
      name: 'flattened tweet ending in a t.co link',
      input: 'Prose paragraph.\nWords of the tweet. https://t.co/abc123\n— Some One (@someone) March 3, 2021\nMore prose.',
      expected: [{ status: 'full', text: 'Words of the tweet.', author: { name: 'Some One', handle: 'someone' }, date: '2021-03-03', links: ['https://t.co/abc123'], start: 17, end: 92 }],
    },
    {
      name: 'a long article paragraph above a signature is not taken',
      input: `${'Long article prose without any link at its end, '.repeat(8)}.\n— Some One (@someone) March 3, 2021`,
      expected: [{ status: 'link-only', author: { name: 'Some One', handle: 'someone' }, date: '2021-03-03' }],
    },
    { name: 'flattened Bluesky post', input: 'Data are in.\n— Zack Labe (@zacklabe.com) February 13, 2025 at 4:02 PM', expected: [{ network: 'bluesky', status: 'full', text: 'Data are in.', author: { handle: 'zacklabe.com' } }] },
    { name: 'a quote attribution without a date is no post', input: '“We will win.”\n— John Smith (@jsmith)', expected: [] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const article = ingest({ text: c.input });
      expect(article.posts).toHaveLength(c.expected.length);
      c.expected.forEach((e, i) => {
        expect(article.posts[i]).toMatchObject(e);
      });
    });
  }
});

describe('labelled fixtures', () => {
  const dir = join(FIXTURES, 'articles');
  const files = [
    join(FIXTURES, 'islamabad-envoy.txt'),
    ...readdirSync(dir)
      .filter((f) => /^posts-.*\.(html|txt)$/.test(f))
      .map((f) => join(dir, f)),
  ];
  let total = 0;
  for (const file of files) {
    const expected = JSON.parse(readFileSync(file.replace(/\.(html|txt)$/, '.expected.json'), 'utf8')) as { posts: Record<string, unknown>[] };
    total += expected.posts.length;
    test(`${file.split('/').pop()}: posts`, () => {
      const source = readFileSync(file, 'utf8');
      const article = ingest(file.endsWith('.txt') ? { text: source } : { html: source });
      expect(article.posts).toHaveLength(expected.posts.length);
      article.posts.forEach((post, i) => {
        expect(bare(post)).toMatchObject(expected.posts[i] ?? {});
      });
      for (const post of article.posts) {
        const span = article.text.slice(post.start, post.end);
        expect(span.length).toBeGreaterThan(0);
        if (post.text) expect(span).toContain(post.text.split('\n')[0]?.slice(0, 40));
        else if (post.status === 'unavailable') expect(span).toMatch(/unavailable|deleted/i);
        else if (post.id) expect(span).toMatch(new RegExp(`${post.id}|View on|Post by|A post shared`));
      }
    });
  }
  test('the post fixtures hold at least 20 posts across all networks', () => {
    expect(total).toBeGreaterThanOrEqual(20);
    const networks = new Set<string>();
    for (const file of files) {
      const posts = JSON.parse(readFileSync(file.replace(/\.(html|txt)$/, '.expected.json'), 'utf8')).posts as { network: string }[];
      for (const p of posts) networks.add(p.network);
    }
    expect([...networks].sort()).toEqual(['bluesky', 'instagram', 'mastodon', 'threads', 'twitter']);
  });
});
