/**
 * A response body of any shape a fetch may return, as one pull-based source of byte chunks that can be
 * cancelled: a web `ReadableStream` (WHATWG fetch), an async iterable (node:https, node-fetch), bytes
 * already in memory, or — with no body at all — the response's own `arrayBuffer()`. Anything else is
 * refused with a `FetchError`, never read as something it is not.
 */
import { describe, FetchError } from '../errors.js';
import type { FetchResponseLike } from '../types.js';

/** Chunks of a body, one `next()` at a time. */
export interface BodySource {
  /** The next chunk, or `undefined` at the end. */
  next(): Promise<Uint8Array | undefined>;
  /** Stop reading and let the producer release the body; safe to call more than once, never rejects. */
  cancel(reason?: unknown): Promise<void>;
  /** The body comes whole, in one chunk, so its size is exact (not "and still sending"). */
  readonly whole: boolean;
}

/** What a user-supplied fetch may hand back besides `body`: a WHATWG `Response` has it. */
interface WithArrayBuffer {
  arrayBuffer(): Promise<ArrayBuffer>;
}

const BODY_SHAPES = 'a ReadableStream, an async iterable of Uint8Array, a Uint8Array or ArrayBuffer, or null with arrayBuffer()';

/** Open `res`'s body for reading. Throws `FetchError` (`type`) for a body of no readable shape. */
export function openBody(res: FetchResponseLike, url: string): BodySource {
  const body: unknown = res.body;
  if (body === null || body === undefined) {
    const read = (res as Partial<WithArrayBuffer>).arrayBuffer;
    return typeof read === 'function' ? fromPromise(() => read.call(res), url) : fromChunks([]);
  }
  if (isStream(body)) return fromStream(body, url);
  if (isAsyncIterable(body)) return fromIterable(body, url);
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return fromChunks([asBytes(body, url)]);
  throw new FetchError('type', url, 'the response body cannot be read as bytes', { allowed: BODY_SHAPES, received: describe(body) });
}

/** Drop a body without reading it (a redirect, an error status): cancel it so the connection closes. */
export async function discardBody(res: FetchResponseLike, url: string): Promise<void> {
  try {
    await openBody(res, url).cancel();
  } catch {
    // a body of no readable shape holds no connection to close
  }
}

/** A chunk as a `Uint8Array` view (no copy); anything that is not bytes is a `FetchError`. */
function asBytes(value: unknown, url: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new FetchError('type', url, 'the response body gave a chunk that is not bytes', {
    allowed: 'Uint8Array, ArrayBuffer or another typed array',
    received: describe(value),
  });
}

/** Anything with `getReader()`: the global `ReadableStream`, or one from another realm or polyfill. */
function isStream(value: unknown): value is ReadableStream<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { getReader?: unknown }).getReader === 'function';
}

/** Anything with `[Symbol.asyncIterator]()`: a node stream, an async generator. */
function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

/** A web stream: reads through one reader; `cancel` also settles a read still pending. */
function fromStream(stream: ReadableStream<unknown>, url: string): BodySource {
  let reader: ReadableStreamDefaultReader<unknown> | undefined;
  let cancelled = false;
  return {
    whole: false,
    async next() {
      if (cancelled) return undefined;
      reader ??= stream.getReader();
      const { done, value } = await reader.read();
      return done ? undefined : asBytes(value, url);
    },
    async cancel(reason) {
      if (cancelled) return;
      cancelled = true;
      try {
        await (reader ? reader.cancel(reason) : stream.cancel(reason));
      } catch {
        // a locked or already errored stream: nothing left to release
      }
    },
  };
}

/** An async iterable: `cancel` calls the iterator's `return()`, which closes a node stream. */
function fromIterable(iterable: AsyncIterable<unknown>, url: string): BodySource {
  let iterator: AsyncIterator<unknown> | undefined;
  let cancelled = false;
  return {
    whole: false,
    async next() {
      if (cancelled) return undefined;
      iterator ??= iterable[Symbol.asyncIterator]();
      const step = await iterator.next();
      return step.done ? undefined : asBytes(step.value, url);
    },
    async cancel() {
      if (cancelled) return;
      cancelled = true;
      try {
        const it = iterator ?? iterable[Symbol.asyncIterator]();
        await it.return?.();
      } catch {
        // the producer failed while closing: nothing left to release
      }
    },
  };
}

/** Bytes already in memory. */
function fromChunks(chunks: Uint8Array[]): BodySource {
  let at = 0;
  return {
    whole: true,
    next: async () => chunks[at++],
    cancel: async () => {
      at = chunks.length;
    },
  };
}

/** One chunk that comes from a promise (`arrayBuffer()`), started on the first `next()`. */
function fromPromise(start: () => Promise<unknown>, url: string): BodySource {
  let started = false;
  return {
    whole: true,
    async next() {
      if (started) return undefined;
      started = true;
      return asBytes(await start(), url);
    },
    cancel: async () => {
      started = true;
    },
  };
}
