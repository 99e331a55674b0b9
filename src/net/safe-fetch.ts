/**
 * `safeFetch`: one GET for an image or JSON, with every guard applied to every hop — https only, the
 * host allowlist, addresses checked at connect time (built-in client), manual redirects with a cap, a
 * timeout over the whole request including a slow body, a byte cap counted as bytes arrive, the
 * content type and magic bytes, and the pixel cap read from the image header before anything decodes it.
 * A user-supplied fetch gets the same limits: its body is read in bounded steps (see read-body.ts).
 */
import { describe, FetchError } from '../errors.js';
import { checkOptions, invalid, Place } from '../shared/check.js';
import type { FetchInit, FetchResponseLike, SafeFetchOptions } from '../types.js';
import { type CheckedFetchOptions, fetchOptions } from './fetch-options.js';
import { describeAllowHosts, isHostAllowed } from './host-allowlist.js';
import { IMAGE_MIME, type ImageHeader, imageHeader, sniffImageType } from '../images/image-header.js';
import { discardBody } from './body-source.js';
import { Deadline } from './deadline.js';
import { checkPixels, HeaderWatch } from './header-watch.js';
import { readBody } from './read-body.js';
import { SYSTEM_TRANSPORT, type Transport, transportRequest } from './transport.js';

/** A body that passed every check. */
export interface FetchedResource {
  /** The URL the body came from, after redirects. */
  url: string;
  /** The body. */
  bytes: Uint8Array;
  /** MIME type: sniffed from the magic bytes for images, as declared for JSON. */
  contentType: string;
  /** For images: format and size from the header. */
  image?: ImageHeader;
  /** For JSON: the parsed value. */
  json?: unknown;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const IMAGE_TYPES = new Set(Object.values(IMAGE_MIME).concat('image/jpg'));
const ACCEPT = { image: 'image/png,image/jpeg,image/gif,image/webp', json: 'application/json' } as const;

/** Fetch an image or JSON from an allowed https host, within the limits in `options`. Throws `FetchError`. */
export async function safeFetch(url: string, options?: SafeFetchOptions): Promise<FetchedResource> {
  if (typeof url !== 'string') throw invalid(new Place('argument', 'url'), 'an https URL string', url);
  return fetchChecked(url, checkOptions(fetchOptions, options), SYSTEM_TRANSPORT);
}

/** `safeFetch` with checked options and an explicit transport (the built-in client's resolver and trust). */
export async function fetchChecked(input: string, options: CheckedFetchOptions, transport: Transport): Promise<FetchedResource> {
  const deadline = new Deadline(options.timeoutMs, input, options.signal);
  const run = async (): Promise<FetchedResource> => {
    let url = checkHop(input, options);
    for (let hop = 0; ; hop++) {
      deadline.url = url.href;
      const res = await send(url, options, transport, deadline.signal);
      const late = deadline.over(); // a fetch that ignored the signal answered too late: release its body
      if (late) {
        void discardBody(res, url.href);
        throw late;
      }
      if (REDIRECTS.has(res.status)) {
        void discardBody(res, url.href);
        if (hop >= options.maxRedirects) {
          throw new FetchError('redirect', url.href, 'too many redirects', {
            allowed: `at most ${options.maxRedirects}`,
            received: `redirect number ${hop + 1}`,
          });
        }
        url = checkHop(nextLocation(res, url), options);
        continue;
      }
      return await readResponse(res, url.href, options, deadline);
    }
  };
  try {
    return await deadline.race(run());
  } finally {
    deadline.dispose();
  }
}

/** Parse a hop's URL and check scheme, credentials and allowlist. */
function checkHop(href: string, options: CheckedFetchOptions): URL {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new FetchError('scheme', href, 'not a valid URL', { allowed: 'an https URL', received: JSON.stringify(href.slice(0, 80)) });
  }
  if (url.protocol !== 'https:') {
    throw new FetchError('scheme', url.href, 'only https is allowed', { allowed: 'https:', received: url.protocol });
  }
  if (url.username || url.password) throw new FetchError('scheme', url.href, 'URLs with credentials are not fetched');
  if (!isHostAllowed(url, options.allowHosts)) {
    throw new FetchError('host', url.href, 'the host is not in the allowlist', {
      allowed: describeAllowHosts(options.allowHosts),
      received: url.host,
    });
  }
  return url;
}

/** The absolute URL a redirect points to; a missing or unparsable Location is a `redirect` error. */
function nextLocation(res: FetchResponseLike, from: URL): string {
  const location = res.headers.get('location');
  try {
    if (location) return new URL(location, from).href;
  } catch {
    // reported below
  }
  throw new FetchError('redirect', from.href, 'a redirect without a valid Location header', { received: JSON.stringify(location) });
}

/** One hop through the user's fetch or the built-in client; a failure to connect is a `network` error. */
async function send(url: URL, options: CheckedFetchOptions, transport: Transport, signal: AbortSignal): Promise<FetchResponseLike> {
  const init: FetchInit = {
    method: 'GET',
    headers: { accept: ACCEPT[options.expect], 'user-agent': 'quotecard (+https://www.npmjs.com/package/quotecard)' },
    redirect: 'manual',
    signal,
  };
  let res: unknown;
  try {
    res = options.fetch ? await options.fetch(url.href, init) : await transportRequest(transport, url, init);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (signal.aborted && signal.reason instanceof FetchError) throw signal.reason;
    throw new FetchError('network', url.href, `the connection failed (${(error as Error)?.message ?? String(error)})`, { cause: error });
  }
  if (!isResponse(res)) {
    throw new FetchError('type', url.href, 'the fetch function did not resolve to a response', {
      allowed: 'an object with a numeric status, headers.get() and a body',
      received: describe(res),
    });
  }
  return res;
}

/** Whether a user fetch's answer has the parts quotecard reads. */
function isResponse(value: unknown): value is FetchResponseLike {
  const res = value as Partial<FetchResponseLike> | null;
  return typeof res === 'object' && res !== null && typeof res.status === 'number' && typeof res.headers?.get === 'function';
}

/** Refuse a declared content type other than the one asked for. */
function contentTypeProblem(declared: string, url: string, expect: 'image' | 'json'): FetchError | undefined {
  const ok = expect === 'image' ? IMAGE_TYPES.has(declared) : declared === 'application/json' || declared.endsWith('+json');
  if (ok) return undefined;
  const allowed = expect === 'image' ? 'image/png, image/jpeg, image/gif, image/webp' : 'application/json';
  return new FetchError('type', url, 'the content type is not what was asked for', { allowed, received: JSON.stringify(declared) });
}

/** Check the status and declared type, read the body within the limits, and check what it is. */
async function readResponse(res: FetchResponseLike, url: string, options: CheckedFetchOptions, deadline: Deadline): Promise<FetchedResource> {
  if (res.status !== 200) {
    void discardBody(res, url);
    throw new FetchError('status', url, `the server answered HTTP ${res.status}`, { allowed: '200', received: String(res.status), status: res.status });
  }
  const declared = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const wrongType = contentTypeProblem(declared, url, options.expect);
  if (wrongType) {
    void discardBody(res, url);
    throw wrongType;
  }
  const watch = options.expect === 'image' ? new HeaderWatch(url, options.maxPixels) : undefined;
  const bytes = await readBody(res, { url, maxBytes: options.maxBytes, deadline, inspect: watch && ((collected) => watch.see(collected)) });
  if (options.expect === 'json') return { url, bytes, contentType: declared, json: parseJson(bytes, url) };
  const type = sniffImageType(bytes);
  if (!type) {
    throw new FetchError('type', url, 'the body is not a PNG, JPEG, GIF or WebP image', {
      allowed: 'PNG, JPEG, GIF or WebP magic bytes',
      received: describeStart(bytes),
    });
  }
  const header = watch?.header ?? imageHeader(bytes);
  if (!header) throw new FetchError('pixels', url, `the ${type} header gives no readable size`);
  checkPixels(header, url, options.maxPixels);
  return { url, bytes, contentType: IMAGE_MIME[header.type], image: header };
}

/** The body parsed as JSON; anything that is not a JSON object or array is a `type` error. */
function parseJson(bytes: Uint8Array, url: string): unknown {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '');
  if (!/^\s*[[{]/.test(text)) {
    throw new FetchError('type', url, 'the body is not JSON', { allowed: 'a JSON object or array', received: describeStart(bytes) });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FetchError('type', url, 'the body is not valid JSON', { received: describeStart(bytes), cause: error });
  }
}

/** The first bytes, printable, for error messages. */
function describeStart(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 16)).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
  return `${bytes.byteLength} bytes starting ${JSON.stringify(head)}`;
}
