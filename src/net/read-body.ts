/**
 * Reading a response body within the request's limits, whatever fetch produced it. The Content-Length
 * refuses early when it is over the cap; the byte count is checked after every chunk and reading stops
 * (the body is cancelled) as soon as it passes the cap; the deadline is checked between reads. A body
 * that answers every read at once would never let a timer run, so the reader also yields to the event
 * loop every few milliseconds.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { FetchError } from '../errors.js';
import type { FetchResponseLike } from '../types.js';
import { type BodySource, discardBody, openBody } from './body-source.js';
import { ByteCollector } from './byte-collector.js';
import type { Deadline } from './deadline.js';

/** Longest stretch of reading without giving timers and other work a turn. */
const TURN_MS = 10;

/** The limits one body is read under. */
export interface BodyLimits {
  /** The URL errors name. */
  url: string;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** The request's deadline and signal. */
  deadline: Deadline;
  /** Called after each chunk with the bytes so far; `false` stops reading, and the bytes so far are returned. */
  inspect?: (collected: ByteCollector) => boolean;
}

/** The `size` error: the body is over `maxBytes`. */
function bodyTooLarge(url: string, maxBytes: number, received: string): FetchError {
  return new FetchError('size', url, 'the body is larger than the byte cap', { allowed: `at most ${maxBytes} bytes`, received });
}

/** The body of `res`, read within `limits`. Throws `FetchError`: `size`, `timeout`, `aborted`, `type` or `network`. */
export async function readBody(res: FetchResponseLike, limits: BodyLimits): Promise<Uint8Array> {
  const { url, maxBytes, deadline, inspect } = limits;
  const length = contentLength(res);
  if (length !== undefined && length > maxBytes) {
    void discardBody(res, url);
    throw bodyTooLarge(url, maxBytes, `Content-Length ${length}`);
  }
  const source = openBody(res, url);
  const collected = new ByteCollector();
  const onAbort = () => void source.cancel(deadline.signal.reason);
  deadline.signal.addEventListener('abort', onAbort, { once: true });
  let ended = false;
  try {
    let turnAt = performance.now();
    for (;;) {
      deadline.check();
      const chunk = await nextChunk(source, url, deadline);
      deadline.check();
      if (chunk === undefined) {
        ended = true;
        break;
      }
      const total = collected.total + chunk.byteLength;
      if (total > maxBytes) throw bodyTooLarge(url, maxBytes, source.whole ? `${total} bytes` : `more than ${maxBytes} bytes and still sending`);
      collected.push(chunk);
      if (inspect && !inspect(collected)) break;
      if (performance.now() - turnAt >= TURN_MS) {
        await nextTurn();
        turnAt = performance.now();
      }
    }
  } finally {
    deadline.signal.removeEventListener('abort', onAbort);
    if (!ended) void source.cancel();
  }
  return collected.bytes();
}

/** The declared Content-Length, when it is a plain non-negative integer. */
function contentLength(res: FetchResponseLike): number | undefined {
  const value = res.headers.get('content-length');
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/** The next chunk; a producer's failure becomes the deadline's error if the request is over, else a `network` error. */
async function nextChunk(source: BodySource, url: string, deadline: Deadline): Promise<Uint8Array | undefined> {
  try {
    return await source.next();
  } catch (error) {
    if (error instanceof FetchError) throw error;
    const ended = deadline.reason;
    if (ended) throw ended;
    throw new FetchError('network', url, `the body could not be read (${(error as Error)?.message ?? String(error)})`, { cause: error });
  }
}
