/**
 * safeFetch and hydratePost against a local HTTPS server on 127.0.0.1 serving recorded responses.
 * The production client is used as is; the test transport only trusts the server's self-signed
 * certificate, resolves the test host names without DNS, and exempts exactly 127.0.0.1 from the
 * address block list. Nothing leaves the machine.
 */
import type { LookupAddress } from 'node:dns';
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { InputError } from '../src/errors.js';
import { FetchError, type FetchErrorCode } from '../src/errors.js';
import { fetchOptions as fetchRule } from '../src/net/fetch-options.js';
import { checkOptions } from '../src/shared/check.js';
import type { FetchFunction, HydrateOptions, SafeFetchOptions } from '../src/types.js';
import { hydrateChecked, hydratePost } from '../src/net/hydrate.js';
import { hydrateOptions } from '../src/net/hydrate-options.js';

const checkFetchOptions = (options: SafeFetchOptions) => checkOptions(fetchRule, options);
const checkHydrateOptions = (options: HydrateOptions) => checkOptions(hydrateOptions, options);
import { fetchChecked } from '../src/net/safe-fetch.js';
import type { Transport } from '../src/net/transport.js';
import { syndicationToken as tokenOf } from '../src/net/tweet-result.js';
import type { Post } from '../src/types.js';
import { type LocalServer, makePng, startLocalServer } from './fixtures/net/local-server.js';

let server: LocalServer;
let transport: Transport;
const resolved: string[] = [];
const connects: string[] = [];

const ANSWERS: Record<string, LookupAddress[]> = {
  localhost: [{ address: '127.0.0.1', family: 4 }],
  'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  // a rebinding-style answer: one public, one private address
  'mixed.test': [
    { address: '151.101.1.69', family: 4 },
    { address: '10.1.2.3', family: 4 },
  ],
};

beforeAll(async () => {
  server = await startLocalServer();
  transport = {
    resolve: async (hostname) => {
      resolved.push(hostname);
      const answer = ANSWERS[hostname];
      if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return answer;
    },
    exemptAddresses: ['127.0.0.1'],
    ca: server.ca,
  };
  const original = Socket.prototype.connect;
  vi.spyOn(Socket.prototype, 'connect').mockImplementation(function (this: Socket, ...args: unknown[]) {
    const first = args[0] as { host?: string } | undefined;
    if (first && typeof first === 'object' && first.host) connects.push(first.host);
    return (original as (...a: unknown[]) => Socket).apply(this, args);
  });
});

afterAll(async () => {
  vi.restoreAllMocks();
  await server?.close();
});

const allow = () => [`localhost:${server.port}`, `10.0.0.1:${server.port}`, '169.254.169.254', `metadata.test:${server.port}`, `mixed.test:${server.port}`, `[::ffff:7f00:1]:${server.port}`, 'evil.example'];
const fetchOptions = (extra: SafeFetchOptions = {}) => checkFetchOptions({ allowHosts: allow(), timeoutMs: 2000, ...extra });
const get = (path: string, extra: SafeFetchOptions = {}) => fetchChecked(`${server.origin}${path}`, fetchOptions(extra), transport);

describe('safeFetch: what is accepted', () => {
  test('a PNG avatar', async () => {
    const got = await get('/avatar.png');
    expect(got).toEqual({ url: `${server.origin}/avatar.png`, bytes: server.png, contentType: 'image/png', image: { type: 'png', width: 48, height: 48 } });
  });
  test('a redirect within the allowlist is followed and re-checked', async () => {
    const got = await get('/redirect-ok');
    expect(got.url).toBe(`${server.origin}/avatar.png`);
    expect(got.bytes).toEqual(server.png);
  });
  test('JSON', async () => {
    const got = await fetchChecked(`${server.origin}/tweet-result?id=1196817458893938688&token=x`, fetchOptions({ expect: 'json' }), transport);
    expect((got.json as { id_str: string }).id_str).toBe('1196817458893938688');
  });
});

describe('safeFetch: what is refused', () => {
  const cases: Array<{ name: string; path: string | (() => string); options?: SafeFetchOptions; code: FetchErrorCode; message: () => string; neverConnects?: string }> = [
    {
      name: 'redirect to a private address (10.0.0.1): refused before connecting',
      path: '/redirect-private',
      code: 'address',
      neverConnects: '10.0.0.1',
      message: () => `Refused to fetch "https://10.0.0.1:${server.port}/avatar.png": the host's address is private. Allowed: public unicast addresses only. Received: 10.0.0.1.`,
    },
    {
      name: 'redirect to the cloud metadata address',
      path: '/redirect-metadata',
      code: 'address',
      neverConnects: '169.254.169.254',
      message: () => `Refused to fetch "https://169.254.169.254/latest/meta-data/": the host's address is link-local (cloud metadata). Allowed: public unicast addresses only. Received: 169.254.169.254.`,
    },
    {
      name: 'redirect to a name that resolves to the metadata address: refused in lookup',
      path: '/redirect-named-metadata',
      code: 'address',
      neverConnects: '169.254.169.254',
      message: () => `Refused to fetch "https://metadata.test:${server.port}/avatar.png": the host's address is link-local (cloud metadata). Allowed: public unicast addresses only. Received: 169.254.169.254.`,
    },
    {
      name: 'a name with one public and one private answer',
      path: () => `https://mixed.test:${server.port}/avatar.png`,
      code: 'address',
      neverConnects: '10.1.2.3',
      message: () => `Refused to fetch "https://mixed.test:${server.port}/avatar.png": the host's address is private. Allowed: public unicast addresses only. Received: 10.1.2.3.`,
    },
    {
      name: 'redirect to IPv4-mapped loopback (not the exempt 127.0.0.1)',
      path: '/redirect-mapped',
      code: 'address',
      message: () => `Refused to fetch "https://[::ffff:7f00:1]:${server.port}/avatar.png": the host's address is loopback. Allowed: public unicast addresses only. Received: ::ffff:7f00:1.`,
    },
    {
      name: 'redirect to http',
      path: '/redirect-http',
      code: 'scheme',
      message: () => `Refused to fetch "http://localhost:${server.port}/avatar.png": only https is allowed. Allowed: https:. Received: http:.`,
    },
    {
      name: 'redirect off the allowlist',
      path: '/redirect-offlist',
      options: { allowHosts: ['localhost:1'] },
      code: 'host',
      message: () => `Refused to fetch "https://localhost:${server.port}/redirect-offlist": the host is not in the allowlist. Allowed: localhost:1. Received: localhost:${server.port}.`,
    },
    {
      name: 'a redirect loop stops at the cap',
      path: '/loop',
      options: { maxRedirects: 2 },
      code: 'redirect',
      message: () => `Refused to fetch "${server.origin}/loop": too many redirects. Allowed: at most 2. Received: redirect number 3.`,
    },
    {
      name: 'a slow body hits the timeout',
      path: '/slow-body',
      options: { timeoutMs: 300 },
      code: 'timeout',
      message: () => `Refused to fetch "${server.origin}/slow-body": no complete response within 300 ms.`,
    },
    {
      name: 'slow headers hit the timeout',
      path: '/slow-headers',
      options: { timeoutMs: 300 },
      code: 'timeout',
      message: () => `Refused to fetch "${server.origin}/slow-headers": no complete response within 300 ms.`,
    },
    {
      name: 'a huge chunked body (no Content-Length) hits the byte cap',
      path: '/huge',
      options: { maxBytes: 1_000_000 },
      code: 'size',
      message: () => `Refused to fetch "${server.origin}/huge": the body is larger than the byte cap. Allowed: at most 1000000 bytes. Received: more than 1000000 bytes and still sending.`,
    },
    {
      name: 'a Content-Length over the cap is refused before reading',
      path: '/big-length',
      options: { maxBytes: 50 },
      code: 'size',
      message: () => `Refused to fetch "${server.origin}/big-length": the body is larger than the byte cap. Allowed: at most 50 bytes. Received: Content-Length ${server.png.byteLength}.`,
    },
    {
      name: 'HTML served as an image',
      path: '/html-as-image',
      code: 'type',
      message: () => `Refused to fetch "${server.origin}/html-as-image": the content type is not what was asked for. Allowed: image/png, image/jpeg, image/gif, image/webp. Received: "text/html".`,
    },
    {
      name: 'HTML labelled image/png fails the magic bytes',
      path: '/html-labelled-png',
      code: 'type',
      message: () => `Refused to fetch "${server.origin}/html-labelled-png": the body is not a PNG, JPEG, GIF or WebP image. Allowed: PNG, JPEG, GIF or WebP magic bytes. Received: 53 bytes starting "<!doctype html><".`,
    },
    {
      name: 'SVG is not an accepted image',
      path: '/svg',
      code: 'type',
      message: () => `Refused to fetch "${server.origin}/svg": the content type is not what was asked for. Allowed: image/png, image/jpeg, image/gif, image/webp. Received: "image/svg+xml".`,
    },
    {
      name: 'a pixel-bomb PNG header (20000×20000)',
      path: '/bomb.png',
      code: 'pixels',
      message: () => `Refused to fetch "${server.origin}/bomb.png": the image has too many pixels. Allowed: at most 16777216 pixels. Received: 20000×20000 (400000000 pixels).`,
    },
    {
      name: 'an HTTP 404',
      path: '/not-found',
      code: 'status',
      message: () => `Refused to fetch "${server.origin}/not-found": the server answered HTTP 404. Allowed: 200. Received: 404.`,
    },
    {
      name: 'JSON asked for, HTML sent as application/json',
      path: '/json-not-json',
      options: { expect: 'json' },
      code: 'type',
      message: () => `Refused to fetch "${server.origin}/json-not-json": the body is not JSON. Allowed: a JSON object or array. Received: 17 bytes starting "<html>oops</html".`,
    },
  ];
  for (const { name, path, options, code, message, neverConnects } of cases) {
    test(name, async () => {
      const url = typeof path === 'string' ? `${server.origin}${path}` : path();
      const started = performance.now();
      const error = await fetchChecked(url, fetchOptions(options), transport).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(FetchError);
      expect((error as FetchError).code).toBe(code);
      expect((error as FetchError).message).toBe(message());
      expect(performance.now() - started).toBeLessThan(1500);
      if (neverConnects) expect(connects).not.toContain(neverConnects);
    });
  }

  test('a name resolved through the checked lookup is what the socket connects to', async () => {
    resolved.length = 0;
    connects.length = 0;
    await get('/avatar.png');
    expect(resolved).toEqual(['localhost']);
    expect(connects).toEqual(['localhost']); // the socket spy sees connects, so "never connects" above means something
  });

  test('the socket\'s remote address is checked again once connected', async () => {
    let reads = 0;
    // exempt for the lookup only, as if something had bypassed it: the connect-time check must still refuse
    const once: Transport = {
      ...transport,
      get exemptAddresses() {
        reads += 1;
        return reads === 1 ? ['127.0.0.1'] : [];
      },
    };
    await expect(fetchChecked(`${server.origin}/avatar.png`, fetchOptions(), once)).rejects.toThrow(
      `Refused to fetch "${server.origin}/avatar.png": the host's address is loopback. Allowed: public unicast addresses only. Received: 127.0.0.1.`,
    );
    expect(reads).toBe(2);
  });

  test('production defaults: a local server is refused (not allowlisted), http too', async () => {
    const { safeFetch } = await import('../src/net/safe-fetch.js');
    await expect(safeFetch(`${server.origin}/avatar.png`)).rejects.toThrow(
      `Refused to fetch "${server.origin}/avatar.png": the host is not in the allowlist. Allowed: cdn.syndication.twimg.com, pbs.twimg.com, abs.twimg.com, cdn.bsky.app. Received: localhost:${server.port}.`,
    );
    await expect(safeFetch(`https://127.0.0.1:${server.port}/avatar.png`, { allowHosts: [`127.0.0.1:${server.port}`] })).rejects.toThrow(
      `Refused to fetch "https://127.0.0.1:${server.port}/avatar.png": the host's address is loopback. Allowed: public unicast addresses only. Received: 127.0.0.1.`,
    );
    await expect(safeFetch('http://pbs.twimg.com/a.png')).rejects.toThrow('only https is allowed');
  });
});

describe('safeFetch with a user-supplied fetch', () => {
  const png = makePng(2, 2);
  const respond = (status: number, headers: Record<string, string>, body?: ConstructorParameters<typeof Response>[0]) => new Response(body ?? null, { status, headers });
  const endless = () => {
    let first = true;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = new Uint8Array(65536);
        if (first) chunk.set(png.subarray(0, 33));
        first = false;
        controller.enqueue(chunk);
      },
    });
  };
  const cases: Array<{ name: string; fetch: FetchFunction; code?: FetchErrorCode; ok?: boolean }> = [
    { name: 'an image through the user fetch', fetch: async () => respond(200, { 'content-type': 'image/png' }, png), ok: true },
    { name: 'redirect to http is still refused', fetch: async () => respond(302, { location: 'http://pbs.twimg.com/x.png' }), code: 'scheme' },
    { name: 'redirect off the allowlist is still refused', fetch: async () => respond(302, { location: 'https://evil.test/x.png' }), code: 'host' },
    { name: 'an endless stream hits the byte cap', fetch: async () => respond(200, { 'content-type': 'image/png' }, endless()), code: 'size' },
    { name: 'a fetch that ignores the signal still times out', fetch: () => new Promise(() => undefined), code: 'timeout' },
    { name: 'a fetch that throws is a network error', fetch: async () => Promise.reject(new TypeError('fetch failed')), code: 'network' },
  ];
  for (const { name, fetch, code, ok } of cases) {
    test(name, async () => {
      const options = checkFetchOptions({ fetch, timeoutMs: 300, maxBytes: 200_000 });
      const result = await fetchChecked('https://pbs.twimg.com/media/x.png', options, transport).then(
        (r) => r,
        (e: unknown) => e,
      );
      if (ok) expect(result).toMatchObject({ bytes: png, image: { type: 'png', width: 2, height: 2 } });
      else expect((result as FetchError).code).toBe(code);
    });
  }

  test('the global fetch fits the fetch option as is', () => {
    const fetch: FetchFunction = globalThis.fetch;
    expect(checkFetchOptions({ fetch }).fetch).toBe(globalThis.fetch);
  });

  test('the user fetch gets manual redirects, a signal and accept headers', async () => {
    const seen: Array<{ url: string; redirect: string; accept?: string; signal: boolean }> = [];
    const fetch: FetchFunction = async (url, init) => {
      seen.push({ url, redirect: init.redirect, accept: init.headers.accept, signal: init.signal instanceof AbortSignal });
      return url.endsWith('/a') ? respond(301, { location: '/b' }) : respond(200, { 'content-type': 'image/png' }, png);
    };
    await fetchChecked('https://pbs.twimg.com/a', checkFetchOptions({ fetch }), transport);
    expect(seen).toEqual([
      { url: 'https://pbs.twimg.com/a', redirect: 'manual', accept: 'image/png,image/jpeg,image/gif,image/webp', signal: true },
      { url: 'https://pbs.twimg.com/b', redirect: 'manual', accept: 'image/png,image/jpeg,image/gif,image/webp', signal: true },
    ]);
  });
});

describe('hydratePost', () => {
  const linkOnly = (id: string): Post => ({
    kind: 'post',
    network: 'twitter',
    status: 'link-only',
    id,
    url: `https://twitter.com/i/web/status/${id}`,
    links: [],
    start: 10,
    end: 60,
  });
  const options = (extra: HydrateOptions = {}) =>
    checkHydrateOptions({ allowHosts: [`localhost:${server.port}`], apiUrl: `${server.origin}/tweet-result`, timeoutMs: 1000, ...extra });

  test('a link-only tweet is filled in and its avatar and photo downloaded', async () => {
    const post = linkOnly('1196817458893938688');
    const before = structuredClone(post);
    const { post: out, warnings } = await hydrateChecked(post, options(), transport);
    expect(warnings).toEqual([]);
    expect(out).toEqual({
      ...before,
      status: 'full',
      text: 'Productive meeting today with the delegation in Doha. We agreed on next steps & a timeline.\n\nFull remarks: example.org/talks/2019/11/…',
      links: ['https://example.org/talks/2019/11/doha-round', 'https://pic.twitter.com/Qm7VbN2xYz'],
      date: '2019-11-19',
      author: {
        name: 'Envoy Office',
        handle: 'EnvoyOffice',
        verified: true,
        avatarUrl: `${server.origin}/profile_images/1143458812342300672/Ab3dEfGh_400x400.jpg`,
        avatar: server.png,
      },
      media: [
        {
          type: 'photo',
          url: `${server.origin}/media/EJvX2kQWoAAu9Zr.jpg`,
          width: 2048,
          height: 1365,
          alt: 'Two delegations seated at a long table',
          image: server.png,
        },
      ],
    });
    expect(post).toEqual(before);
  });

  const fallbacks: Array<{ name: string; input: Post; extra?: () => HydrateOptions; status: Post['status']; warnings: () => string[] }> = [
    {
      name: 'a deleted tweet (tombstone) becomes unavailable',
      input: linkOnly('1111111111111111111'),
      status: 'unavailable',
      warnings: () => ['tweet 1111111111111111111 is unavailable: the network says the tweet was deleted or is withheld.'],
    },
    {
      name: 'a 404 becomes unavailable',
      input: linkOnly('2222222222222222222'),
      status: 'unavailable',
      warnings: () => ['tweet 2222222222222222222 is unavailable: the network answers 404 (deleted, withheld or private).'],
    },
    {
      name: 'HTML from the API leaves the post link-only, with a warning',
      input: linkOnly('3333333333333333333'),
      status: 'link-only',
      warnings: () => [
        `Could not hydrate tweet 3333333333333333333: Refused to fetch "${server.origin}/tweet-result?id=3333333333333333333&lang=en&token=${new URL(`https://x/?${''}`) && tokenOf('3333333333333333333')}": the content type is not what was asked for. Allowed: application/json. Received: "text/html". The card is drawn from what the article gives.`,
      ],
    },
    {
      name: 'a slow API times out into the offline card',
      input: linkOnly('1196817458893938688'),
      extra: () => ({ apiUrl: `${server.origin}/slow-headers`, timeoutMs: 300 }),
      status: 'link-only',
      warnings: () => [
        `Could not hydrate tweet 1196817458893938688: Refused to fetch "${server.origin}/slow-headers?id=1196817458893938688&lang=en&token=${tokenOf('1196817458893938688')}": no complete response within 300 ms. The card is drawn from what the article gives.`,
      ],
    },
    {
      name: 'the production endpoint is not reached when the allowlist leaves it out',
      input: linkOnly('1196817458893938688'),
      extra: () => ({ apiUrl: 'https://cdn.syndication.twimg.com/tweet-result' }),
      status: 'link-only',
      warnings: () => [
        `Could not hydrate tweet 1196817458893938688: Refused to fetch "https://cdn.syndication.twimg.com/tweet-result?id=1196817458893938688&lang=en&token=${tokenOf('1196817458893938688')}": the host is not in the allowlist. Allowed: localhost:${server.port}. Received: cdn.syndication.twimg.com. The card is drawn from what the article gives.`,
      ],
    },
    {
      name: 'a link-only Bluesky post is left as is',
      input: { ...linkOnly('3kabc'), network: 'bluesky', url: 'https://bsky.app/profile/a.bsky.social/post/3kabc' },
      status: 'link-only',
      warnings: () => ['Hydration covers tweets only; the bluesky post https://bsky.app/profile/a.bsky.social/post/3kabc stays link-only.'],
    },
    {
      name: 'a tweet without an id',
      input: { ...linkOnly('x'), id: undefined },
      status: 'link-only',
      warnings: () => ['the twitter post https://twitter.com/i/web/status/x has no usable tweet id; it was not hydrated.'],
    },
  ];
  for (const { name, input, extra, status, warnings } of fallbacks) {
    test(name, async () => {
      const { post, warnings: got } = await hydrateChecked(input, options(extra?.()), transport);
      expect(got).toEqual(warnings());
      expect(post.status).toBe(status);
      expect(post.text).toBeUndefined();
      expect(post.author?.avatar).toBeUndefined();
    });
  }

  test('bad images become warnings; the card keeps the text', async () => {
    const { post, warnings } = await hydrateChecked(linkOnly('4444444444444444444'), options(), transport);
    expect(post.status).toBe('full');
    expect(post.author?.avatar).toBeUndefined();
    expect(post.media?.[0]?.image).toBeUndefined();
    expect(warnings).toEqual([
      `Could not download the avatar of tweet 4444444444444444444: Refused to fetch "https://169.254.169.254/latest/meta-data/": the host is not in the allowlist. Allowed: localhost:${server.port}. Received: 169.254.169.254. The card goes without it.`,
      `Could not download the first image of tweet 4444444444444444444: Refused to fetch "${server.origin}/html-as-image": the content type is not what was asked for. Allowed: image/png, image/jpeg, image/gif, image/webp. Received: "text/html". The card goes without it.`,
    ]);
  });

  test('a full tweet that already has its avatar makes no request', async () => {
    const hits = server.hits.length;
    const input: Post = { ...linkOnly('1196817458893938688'), status: 'full', text: 'As quoted', author: { handle: 'x', avatar: server.png } };
    const { post, warnings } = await hydrateChecked(input, options(), transport);
    expect(post).toEqual(input);
    expect(warnings).toEqual([]);
    expect(server.hits.length).toBe(hits);
  });

  test('a full tweet keeps the article text and only gains what it lacks', async () => {
    const input: Post = { ...linkOnly('1196817458893938688'), status: 'full', text: 'As the article quoted it', links: ['https://t.co/abc'], author: { name: 'Article Name' } };
    const { post, warnings } = await hydrateChecked(input, options({ media: false }), transport);
    expect(warnings).toEqual([]);
    expect(post.text).toBe('As the article quoted it');
    expect(post.links).toEqual(['https://t.co/abc']);
    expect(post.author?.name).toBe('Article Name');
    expect(post.author?.handle).toBe('EnvoyOffice');
    expect(post.author?.avatar).toEqual(server.png);
    expect(post.media?.[0]?.image).toBeUndefined();
  });

  test('bad options are the only thing that throws', async () => {
    await expect(hydratePost(linkOnly('1'), { maxRedirects: 11 })).rejects.toThrow(InputError);
    await expect(hydratePost(linkOnly('1'), { maxRedirects: 11 })).rejects.toThrow(
      'Invalid value for option "maxRedirects". Allowed: an integer from 0 to 10. Received: 11.',
    );
  });
});

