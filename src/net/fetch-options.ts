/**
 * Options of `safeFetch`, their defaults and their validation at the boundary.
 */
import { InputError } from '../errors.js';
import { isPlainObject, rejectUnknownKeys } from '../plain-object.js';
import { DEFAULT_MAX_PIXELS } from '../images/data-url.js';
import { checkAllowHosts, type HostRule } from './host-allowlist.js';

/** A response as a user-supplied fetch returns it; the WHATWG `Response` fits. */
export interface FetchResponseLike {
  /** HTTP status. */
  status: number;
  /** Response headers. */
  headers: { get(name: string): string | null };
  /** The body as a web stream (WHATWG fetch) or any async iterable of bytes. */
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null;
}

/** What quotecard passes to a user-supplied fetch for each hop. */
export interface FetchInit {
  method: 'GET';
  headers: Record<string, string>;
  /** Redirects come back to quotecard, which checks and follows them itself. */
  redirect: 'manual';
  /** Aborted on timeout, byte cap, or the caller's own signal. */
  signal: AbortSignal;
}

/** A fetch function: the global `fetch`, undici's, or one going through your proxy. */
export type FetchFunction = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

/** Options shared by `safeFetch` and `hydratePost`. */
export interface NetOptions {
  /**
   * Your own fetch. quotecard still enforces https, the allowlist on every hop (redirects are
   * followed manually), the timeout, the byte cap and the type and pixel checks — but it cannot see
   * which address your fetch connects to: blocking private and metadata addresses is then up to you.
   * @default built-in client on node:https with connect-time address checks
   */
  fetch?: FetchFunction;
  /** Hosts that may be fetched from (see `DEFAULT_ALLOW_HOSTS`); replaces the defaults. @default DEFAULT_ALLOW_HOSTS */
  allowHosts?: string[];
  /** Time for one whole request — connect, redirects and the body — in ms. @default 5000 */
  timeoutMs?: number;
  /** Largest body accepted, in bytes, counted as it arrives (Content-Length is not trusted). @default 5242880 */
  maxBytes?: number;
  /** Most pixels an image may have, read from its header before anything decodes it. @default 16777216 */
  maxPixels?: number;
  /** Most redirects followed per request. @default 3 */
  maxRedirects?: number;
  /** Cancels everything in flight. */
  signal?: AbortSignal;
}

/** Options for `safeFetch`. */
export interface SafeFetchOptions extends NetOptions {
  /** What the body must be: an image (PNG, JPEG, GIF, WebP) or JSON. @default 'image' */
  expect?: 'image' | 'json';
}

/** Net options with defaults filled in and every value checked. */
export interface CheckedNetOptions {
  fetch?: FetchFunction;
  allowHosts: HostRule[];
  timeoutMs: number;
  maxBytes: number;
  maxPixels: number;
  maxRedirects: number;
  signal?: AbortSignal;
}

/** `safeFetch` options, checked. */
export interface CheckedFetchOptions extends CheckedNetOptions {
  expect: 'image' | 'json';
}

export const NET_KEYS = ['fetch', 'allowHosts', 'timeoutMs', 'maxBytes', 'maxPixels', 'maxRedirects', 'signal'] as const;

function integer(options: Record<string, unknown>, key: string, min: number, max: number, fallback: number, prefix: string): number {
  const value = options[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw InputError.invalid(`${prefix}${key}`, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

/** Check the options `safeFetch` and `hydratePost` share. `prefix` names them in errors, e.g. "hydrate.". */
export function checkNetOptions(options: Record<string, unknown>, prefix = ''): CheckedNetOptions {
  const fetch = options.fetch;
  if (fetch !== undefined && typeof fetch !== 'function') {
    throw InputError.invalid(`${prefix}fetch`, 'a function (url, init) => Promise<Response>', fetch);
  }
  const signal = options.signal;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw InputError.invalid(`${prefix}signal`, 'an AbortSignal', signal);
  return {
    fetch: fetch as FetchFunction | undefined,
    allowHosts: checkAllowHosts(options.allowHosts, `${prefix}allowHosts`),
    timeoutMs: integer(options, 'timeoutMs', 1, 120_000, 5000, prefix),
    maxBytes: integer(options, 'maxBytes', 1, 104_857_600, 5_242_880, prefix),
    maxPixels: integer(options, 'maxPixels', 1, 100_000_000, DEFAULT_MAX_PIXELS, prefix),
    maxRedirects: integer(options, 'maxRedirects', 0, 10, 3, prefix),
    signal,
  };
}

/** Check `safeFetch` options and fill in defaults. */
export function checkFetchOptions(options: unknown): CheckedFetchOptions {
  if (options === undefined || options === null) options = {};
  if (!isPlainObject(options)) throw InputError.invalid('options', 'a plain object', options, 'argument');
  rejectUnknownKeys(options, [...NET_KEYS, 'expect'], 'option');
  const expect = options.expect ?? 'image';
  if (expect !== 'image' && expect !== 'json') throw InputError.invalid('expect', '"image" | "json"', expect);
  return { ...checkNetOptions(options), expect };
}
