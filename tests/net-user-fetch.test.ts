/**
 * safeFetch and hydratePost with a user-supplied fetch whose bodies never wait on I/O: the timeout and
 * the byte cap must hold even when no timer could fire on its own, and collecting many small chunks must
 * cost time linear in the bytes. No network: every Response is built in code.
 */
import { describe, expect, test } from 'vitest';
import { FetchError, type FetchErrorCode } from '../src/errors.js';
import { hydratePost } from '../src/net/hydrate.js';
import { safeFetch } from '../src/net/safe-fetch.js';
import type { FetchFunction, FetchResponseLike, Post, SafeFetchOptions } from '../src/types.js';
import { pngHeader } from './fixtures/net/local-server.js';

const URL_PNG = 'https://pbs.twimg.com/media/x.png';
const MB = 1024 * 1024;

/** What a stream's producer was asked for, and whether it was told to stop. */
interface Pulls {
  bytes: number;
  chunks: number;
  cancelled: boolean;
}

/**
 * A body that answers every pull at once, forever: `chunkSize` bytes each, starting with a 2×2 PNG
 * header. `highWaterMark: 0` makes the stream pull only for a pending read, so `pulls.bytes` is what
 * quotecard asked for, not what the stream buffered ahead.
 */
function endless(chunkSize: number, pulls: Pulls): ReadableStream<Uint8Array> {
  const head = pngHeader(2, 2);
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = new Uint8Array(chunkSize);
        if (pulls.bytes < head.byteLength) chunk.set(head.subarray(pulls.bytes, pulls.bytes + chunkSize));
        pulls.bytes += chunkSize;
        pulls.chunks += 1;
        controller.enqueue(chunk);
      },
      cancel() {
        pulls.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
}

/** A JPEG of `chunks` × 64 bytes whose frame header comes last, after APP1 segments, in 64-byte chunks. */
function lateHeaderJpeg(chunks: number): ReadableStream<Uint8Array> {
  const size = chunks * 64;
  const body = new Uint8Array(size);
  body.set([0xff, 0xd8]);
  const sof = [0xff, 0xc0, 0, 17, 8, 0, 10, 0, 10, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  let at = 2;
  for (;;) {
    const length = Math.min(0xffff, size - at - 2 - sof.length);
    if (length < 2) break;
    body.set([0xff, 0xe1, length >> 8, length & 0xff], at);
    at += 2 + length;
  }
  body.set(sof, at);
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next >= chunks) return controller.close();
      controller.enqueue(body.subarray(next * 64, next * 64 + 64));
      next += 1;
    },
  });
}

const pulls = (): Pulls => ({ bytes: 0, chunks: 0, cancelled: false });
const serve = (body: ConstructorParameters<typeof Response>[0], type = 'image/png', headers: Record<string, string> = {}): FetchFunction => async () =>
  new Response(body, { headers: { 'content-type': type, ...headers } });

/** The rejection of `safeFetch`, and how long it took. */
async function refusal(options: SafeFetchOptions, url = URL_PNG): Promise<{ error: FetchError; ms: number }> {
  const started = performance.now();
  const error = await safeFetch(url, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  const ms = performance.now() - started;
  expect(error).toBeInstanceOf(FetchError);
  return { error: error as FetchError, ms };
}

/** Milliseconds for `safeFetch` to read a late-header JPEG of `chunks` 64-byte chunks (best of `runs`). */
async function readTime(chunks: number, runs: number): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const got = await safeFetch(URL_PNG, { fetch: serve(lateHeaderJpeg(chunks), 'image/jpeg'), maxBytes: 50 * MB, timeoutMs: 60_000 });
    best = Math.min(best, performance.now() - started);
    expect(got.bytes.byteLength).toBe(chunks * 64);
    expect(got.image).toEqual({ type: 'jpeg', width: 10, height: 10 });
  }
  return best;
}

describe('a user-supplied fetch obeys timeoutMs', () => {
  test('a body that answers every read at once still times out', async () => {
    const pulled = pulls();
    const { error, ms } = await refusal({ fetch: serve(endless(16, pulled)), timeoutMs: 1000, maxBytes: 50 * MB });
    expect(error.code).toBe<FetchErrorCode>('timeout');
    expect(error.message).toBe(`Refused to fetch "${URL_PNG}": no complete response within 1000 ms.`);
    expect(ms).toBeGreaterThanOrEqual(990);
    expect(ms).toBeLessThan(1500);
    expect(pulled.bytes).toBeLessThan(50 * MB);
    expect(pulled.cancelled).toBe(true);
  });

  test('an async iterable that never waits still times out', async () => {
    let yielded = 0;
    const body = (async function* () {
      for (;;) {
        yielded += 1;
        yield new Uint8Array(16);
      }
    })();
    const fetch: FetchFunction = async () => ({ status: 200, headers: new Headers({ 'content-type': 'application/json' }), body });
    const { error, ms } = await refusal({ fetch, expect: 'json', timeoutMs: 500, maxBytes: 50 * MB });
    expect(error.code).toBe('timeout');
    expect(ms).toBeLessThan(1000);
    expect(yielded * 16).toBeLessThan(50 * MB);
  });

  test('a fetch that never resolves times out', async () => {
    let signal: AbortSignal | undefined;
    const fetch: FetchFunction = (_url, init) => {
      signal = init.signal;
      return new Promise(() => undefined);
    };
    const { error, ms } = await refusal({ fetch, timeoutMs: 1000 });
    expect(error.code).toBe('timeout');
    expect(ms).toBeLessThan(1500);
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBe(error);
  });

  test('an arrayBuffer() that never resolves times out', async () => {
    const fetch: FetchFunction = async () =>
      ({ status: 200, headers: new Headers({ 'content-type': 'image/png' }), body: null, arrayBuffer: () => new Promise(() => undefined) }) as FetchResponseLike;
    const { error, ms } = await refusal({ fetch, timeoutMs: 300 });
    expect(error.code).toBe('timeout');
    expect(ms).toBeLessThan(800);
  });

  test("the caller's signal stops a body that never waits", async () => {
    const pulled = pulls();
    const { error, ms } = await refusal({ fetch: serve(endless(16, pulled)), timeoutMs: 60_000, maxBytes: 50 * MB, signal: AbortSignal.timeout(300) });
    expect(error.code).toBe('aborted');
    expect(ms).toBeLessThan(800);
    expect(pulled.cancelled).toBe(true);
  });

  test('hydratePost turns the timeout into a warning, in time', async () => {
    const post: Post = { kind: 'post', network: 'twitter', status: 'full', id: '1', text: 'As quoted', links: [], start: 0, end: 9, author: { handle: 'x', avatarUrl: URL_PNG } };
    const started = performance.now();
    const { post: out, warnings } = await hydratePost(post, { fetch: serve(endless(16, pulls())), timeoutMs: 500, maxBytes: 50 * MB });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(out.author?.avatar).toBeUndefined();
    expect(warnings).toEqual([
      `Could not download the avatar of tweet 1: Refused to fetch "${URL_PNG}": no complete response within 500 ms. The card goes without it.`,
    ]);
  });
});

describe('a user-supplied fetch obeys maxBytes', () => {
  test('an endless body stops one chunk past the cap', async () => {
    const pulled = pulls();
    const chunk = 64 * 1024;
    const { error } = await refusal({ fetch: serve(endless(chunk, pulled)), timeoutMs: 60_000, maxBytes: 50 * MB });
    expect(error.code).toBe<FetchErrorCode>('size');
    expect(error.message).toBe(
      `Refused to fetch "${URL_PNG}": the body is larger than the byte cap. Allowed: at most ${50 * MB} bytes. Received: more than ${50 * MB} bytes and still sending.`,
    );
    expect(pulled.bytes).toBeGreaterThan(50 * MB);
    expect(pulled.bytes).toBeLessThanOrEqual(50 * MB + chunk);
    expect(pulled.cancelled).toBe(true);
  });

  test('a Content-Length over the cap is refused before the body is read', async () => {
    const pulled = pulls();
    const { error } = await refusal({ fetch: serve(endless(1024, pulled), 'image/png', { 'content-length': String(2 * MB) }), maxBytes: MB });
    expect(error.code).toBe('size');
    expect(error.received).toBe(`Content-Length ${2 * MB}`);
    expect(pulled.bytes).toBe(0);
  });

  test('arrayBuffer() is not called when Content-Length is over the cap', async () => {
    let called = false;
    const fetch: FetchFunction = async () =>
      ({
        status: 200,
        headers: new Headers({ 'content-type': 'image/png', 'content-length': String(64 * MB) }),
        body: null,
        arrayBuffer: async () => {
          called = true;
          return new ArrayBuffer(64 * MB);
        },
      }) as FetchResponseLike;
    const { error } = await refusal({ fetch, maxBytes: MB });
    expect(error.code).toBe('size');
    expect(called).toBe(false);
  });

  test('an arrayBuffer() body over the cap is refused as soon as its size is known', async () => {
    const big = new Uint8Array(8 * MB);
    big.set(pngHeader(2, 2));
    const fetch: FetchFunction = async () =>
      ({ status: 200, headers: new Headers({ 'content-type': 'image/png' }), body: null, arrayBuffer: async () => big.buffer }) as FetchResponseLike;
    const { error } = await refusal({ fetch, maxBytes: MB });
    expect(error.message).toBe(
      `Refused to fetch "${URL_PNG}": the body is larger than the byte cap. Allowed: at most ${MB} bytes. Received: ${8 * MB} bytes.`,
    );
  });

  test('a body of something other than bytes is refused, not miscounted', async () => {
    const fetch: FetchFunction = async () => ({ status: 200, headers: new Headers({ 'content-type': 'image/png' }), body: 'x'.repeat(100) as never });
    const { error } = await refusal({ fetch });
    expect(error.code).toBe('type');
    expect(error.message).toMatch(/the response body cannot be read as bytes\. Allowed: a ReadableStream, .*\. Received: "x{40}…"\.$/);
  });

  test('a stream chunk that is not bytes is refused', async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue('not bytes');
        controller.close();
      },
    });
    const { error } = await refusal({ fetch: async () => ({ status: 200, headers: new Headers({ 'content-type': 'image/png' }), body: body as never }) });
    expect(error.message).toBe(
      `Refused to fetch "${URL_PNG}": the response body gave a chunk that is not bytes. Allowed: Uint8Array, ArrayBuffer or another typed array. Received: "not bytes".`,
    );
  });
});

describe('a user-supplied body that fails', () => {
  test('a stream that errors mid-body is a network error', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent === 1) controller.enqueue(pngHeader(2, 2));
        else controller.error(new Error('connection reset'));
      },
    });
    const { error } = await refusal({ fetch: serve(body) });
    expect(error.code).toBe<FetchErrorCode>('network');
    expect(error.message).toBe(`Refused to fetch "${URL_PNG}": the body could not be read (connection reset).`);
  });

  test('a fetch that resolves to something other than a response is refused', async () => {
    const { error } = await refusal({ fetch: async () => 'ok' as never });
    expect(error.message).toBe(
      `Refused to fetch "${URL_PNG}": the fetch function did not resolve to a response. Allowed: an object with a numeric status, headers.get() and a body. Received: "ok".`,
    );
  });
});

describe('collecting a body costs linear time', () => {
  test('200,000 chunks of 64 bytes (12.8 MB) with the image header looked for', async () => {
    await readTime(20_000, 1); // warm up
    const small = await readTime(50_000, 3);
    const big = await readTime(200_000, 3);
    console.log(`50,000 chunks ${small.toFixed(0)} ms, 200,000 chunks ${big.toFixed(0)} ms, ratio ${(big / small).toFixed(2)}`);
    expect(big).toBeLessThan(2000);
    expect(big / small).toBeLessThan(6);
  });

  test('inside the 1 MiB header window too: 4,000 and 16,000 chunks of 64 bytes', async () => {
    await readTime(4_000, 1); // warm up
    const small = await readTime(4_000, 5);
    const big = await readTime(16_000, 5);
    console.log(`4,000 chunks ${small.toFixed(1)} ms, 16,000 chunks ${big.toFixed(1)} ms, ratio ${(big / small).toFixed(2)}`);
    expect(big).toBeLessThan(500);
    expect(big / small).toBeLessThan(6);
  });

  test('many small JSON chunks come back intact', async () => {
    const text = JSON.stringify({ words: 'ab'.repeat(100_000) });
    const bytes = new TextEncoder().encode(text);
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.byteLength) return controller.close();
        controller.enqueue(bytes.slice(at, at + 7));
        at += 7;
      },
    });
    const got = await safeFetch('https://cdn.syndication.twimg.com/tweet-result', { fetch: serve(body, 'application/json'), expect: 'json' });
    expect(Buffer.from(got.bytes).equals(bytes)).toBe(true);
    expect(got.json).toEqual({ words: 'ab'.repeat(100_000) });
  });
});
