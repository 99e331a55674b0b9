import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readTweetResult, SYNDICATION_URL, syndicationToken, type TweetFacts, type TweetResult, tweetResultUrl } from '../src/net/tweet-result.js';

const full = JSON.parse(readFileSync(new URL('./fixtures/net/tweet-full.json', import.meta.url), 'utf8'));
const tombstone = JSON.parse(readFileSync(new URL('./fixtures/net/tweet-tombstone.json', import.meta.url), 'utf8'));
const ID = '1196817458893938688';
const variant = (change: (t: typeof full) => void) => {
  const copy = structuredClone(full);
  change(copy);
  return copy;
};

describe('tweetResultUrl', () => {
  test('asks the syndication endpoint for the id with a token', () => {
    const url = new URL(tweetResultUrl(ID));
    expect(`${url.origin}${url.pathname}`).toBe(SYNDICATION_URL);
    expect(url.searchParams.get('id')).toBe(ID);
    expect(url.searchParams.get('token')).toBe(syndicationToken(ID));
  });
  const ids = ['20', '1196817458893938688', '1629307668568633344', '9999999999999999999'];
  for (const id of ids) {
    test(`token for ${id} is base-36 without zeros or a point`, () => {
      const token = syndicationToken(id);
      expect(token).toMatch(/^[1-9a-z]+$/);
      expect(syndicationToken(id)).toBe(token);
    });
  }
  test('different ids get different tokens', () => {
    expect(new Set(ids.map(syndicationToken)).size).toBe(ids.length);
  });
  test('keeps a proxy URL and its own query', () => {
    const url = new URL(tweetResultUrl(ID, 'https://proxy.example/tweets?key=abc'));
    expect(url.searchParams.get('key')).toBe('abc');
    expect(url.searchParams.get('id')).toBe(ID);
  });
});

describe('readTweetResult', () => {
  const fullTweet: TweetFacts = {
    text: 'Productive meeting today with the delegation in Doha. We agreed on next steps & a timeline.\n\nFull remarks: example.org/talks/2019/11/…',
    links: ['https://example.org/talks/2019/11/doha-round', 'https://pic.twitter.com/Qm7VbN2xYz'],
    date: '2019-11-19',
    author: {
      name: 'Envoy Office',
      handle: 'EnvoyOffice',
      verified: true,
      avatarUrl: 'https://pbs.twimg.com/profile_images/1143458812342300672/Ab3dEfGh_400x400.jpg',
    },
    media: [
      { type: 'photo', url: 'https://pbs.twimg.com/media/EJvX2kQWoAAu9Zr.jpg', width: 2048, height: 1365, alt: 'Two delegations seated at a long table' },
    ],
  };
  const cases: Array<{ name: string; input: unknown; expected: TweetResult }> = [
    { name: 'the recorded full tweet', input: full, expected: { kind: 'tweet', tweet: fullTweet } },
    {
      name: 'a reply: leading @mentions outside the display range are dropped',
      input: variant((t) => {
        t.text = `@alice @bob ${t.text}`;
        t.display_text_range = [12, 146];
      }),
      expected: { kind: 'tweet', tweet: fullTweet },
    },
    {
      name: 'a display range that would cut words is ignored at the start',
      input: variant((t) => {
        t.display_text_range = [11, 134];
      }),
      expected: { kind: 'tweet', tweet: fullTweet },
    },
    {
      name: 'photos[] when mediaDetails is absent; no blue check',
      input: variant((t) => {
        delete t.mediaDetails;
        delete t.user.verified_type;
      }),
      expected: {
        kind: 'tweet',
        tweet: {
          ...fullTweet,
          author: { ...fullTweet.author, verified: false },
          media: [{ type: 'photo', url: 'https://pbs.twimg.com/media/EJvX2kQWoAAu9Zr.jpg', width: 2048, height: 1365 }],
        },
      },
    },
    {
      name: 'a video keeps its poster image',
      input: variant((t) => {
        t.mediaDetails[0].type = 'video';
        delete t.mediaDetails[0].ext_alt_text;
      }),
      expected: {
        kind: 'tweet',
        tweet: { ...fullTweet, media: [{ type: 'video', url: 'https://pbs.twimg.com/media/EJvX2kQWoAAu9Zr.jpg', width: 2048, height: 1365 }] },
      },
    },
    {
      name: 'an http avatar or media URL is dropped',
      input: variant((t) => {
        t.user.profile_image_url_https = 'http://pbs.twimg.com/a_normal.jpg';
        t.mediaDetails[0].media_url_https = 'javascript:alert(1)';
      }),
      expected: {
        kind: 'tweet',
        tweet: { ...fullTweet, author: { name: 'Envoy Office', handle: 'EnvoyOffice', verified: true }, media: [] },
      },
    },
    { name: 'the tombstone', input: tombstone, expected: { kind: 'gone', reason: 'the network says the tweet was deleted or is withheld' } },
    { name: 'an empty object', input: {}, expected: { kind: 'invalid', reason: 'the answer has no tweet text or author' } },
    { name: 'an array', input: [full], expected: { kind: 'invalid', reason: 'the answer is not a JSON object' } },
    {
      name: 'an answer for another tweet',
      input: variant((t) => {
        t.id_str = '42';
      }),
      expected: { kind: 'invalid', reason: `the answer is for tweet 42, not ${ID}` },
    },
  ];
  for (const { name, input, expected } of cases) test(name, () => expect(readTweetResult(input, ID)).toEqual(expected));

  test('does not change the JSON it reads', () => {
    const before = structuredClone(full);
    readTweetResult(full, ID);
    expect(full).toEqual(before);
  });
});
