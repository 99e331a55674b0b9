/**
 * `safeFetch`: one GET for an image or JSON, with every guard applied to every hop — https only, the
 * host allowlist, addresses checked at connect time (built-in client), manual redirects with a cap, a
 * timeout over the whole request including a slow body, a byte cap counted as bytes arrive, the
 * content type and magic bytes, and the pixel cap read from the image header before anything decodes it.
 */
import { FetchError } from '../errors.js';
import { checkOptions, invalid, Place } from '../shared/check.js';
import type { FetchInit, FetchResponseLike, SafeFetchOptions } from '../types.js';
import { type CheckedFetchOptions, fetchOptions } from './fetch-options.js';
import { describeAllowHosts, isHostAllowed } from './host-allowlist.js';
import { IMAGE_MIME, type ImageHeader, imageHeader, sniffImageType } from '../images/image-header.js';
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
/** Headers are looked for in the first bytes only; past this the whole body is checked once at the end. */
const HEADER_WINDOW = 1 << 20;

/** Fetch an image or JSON from an allowed https host, within the limits in `options`. Throws `FetchError`. */
export async function safeFetch(url: string, options?: SafeFetchOptions): Promise<FetchedResource> {
  if (typeof url !== 'string') throw invalid(new Place('argument', 'url'), 'an https URL string', url);
  return fetchChecked(url, checkOptions(fetchOptions, options), SYSTEM_TRANSPORT);
}

/** `safeFetch` with checked options and an explicit transport (the built-in client's resolver and trust). */
export async function fetchChecked(input: string, options: CheckedFetchOptions, transport: Transport): Promise<FetchedResource> {
  const controller = new AbortController();
  let current = input;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onCallerAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    const fail = (error: FetchError) => {
      controller.abort(error);
      reject(error);
    };
    timer = setTimeout(
      () => fail(new FetchError('timeout', current, `no complete response within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    onCallerAbort = () => fail(new FetchError('aborted', current, 'the caller aborted the request'));
    if (options.signal?.aborted) onCallerAbort();
    else options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  });
  const run = async (): Promise<FetchedResource> => {
    let url = checkHop(input, options);
    for (let hop = 0; ; hop++) {
      current = url.href;
      const res = await send(url, options, transport, controller.signal);
      if (REDIRECTS.has(res.status)) {
        await discard(res);
        if (hop >= options.maxRedirects) {
          throw new FetchError('redirect', url.href, 'too many redirects', {
            allowed: `at most ${options.maxRedirects}`,
            received: `redirect number ${hop + 1}`,
          });
        }
        url = checkHop(nextLocation(res, url), options);
        continue;
      }
      return await readResponse(res, url.href, options);
    }
  };
  try {
    return await Promise.race([run(), stop]);
  } finally {
    clearTimeout(timer);
    if (onCallerAbort) options.signal?.removeEventListener('abort', onCallerAbort);
    controller.abort();
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

function nextLocation(res: FetchResponseLike, from: URL): string {
  const location = res.headers.get('location');
  try {
    if (location) return new URL(location, from).href;
  } catch {
    // reported below
  }
  throw new FetchError('redirect', from.href, 'a redirect without a valid Location header', { received: JSON.stringify(location) });
}

async function send(url: URL, options: CheckedFetchOptions, transport: Transport, signal: AbortSignal): Promise<FetchResponseLike> {
  const init: FetchInit = {
    method: 'GET',
    headers: { accept: ACCEPT[options.expect], 'user-agent': 'quotecard (+https://www.npmjs.com/package/quotecard)' },
    redirect: 'manual',
    signal,
  };
  try {
    return options.fetch ? await options.fetch(url.href, init) : await transportRequest(transport, url, init);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (signal.aborted && signal.reason instanceof FetchError) throw signal.reason;
    throw new FetchError('network', url.href, `the connection failed (${(error as Error)?.message ?? String(error)})`, { cause: error });
  }
}

async function* chunksOf(body: NonNullable<FetchResponseLike['body']>): AsyncGenerator<Uint8Array> {
  if ('getReader' in body) {
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.cancel().catch(() => undefined);
    }
  } else {
    yield* body;
  }
}

/** Drop a body without reading it: cancel the stream (closing the connection). */
async function discard(res: FetchResponseLike): Promise<void> {
  const body = res.body;
  if (!body) return;
  if ('getReader' in body) await body.cancel().catch(() => undefined);
  else await body[Symbol.asyncIterator]().return?.()?.catch(() => undefined);
}

function checkContentType(declared: string, url: string, expect: 'image' | 'json'): void {
  const ok = expect === 'image' ? IMAGE_TYPES.has(declared) : declared === 'application/json' || declared.endsWith('+json');
  if (!ok) {
    const allowed = expect === 'image' ? 'image/png, image/jpeg, image/gif, image/webp' : 'application/json';
    throw new FetchError('type', url, 'the content type is not what was asked for', { allowed, received: JSON.stringify(declared) });
  }
}

function checkPixels(header: ImageHeader, url: string, maxPixels: number): void {
  const pixels = header.width * header.height;
  if (pixels > maxPixels) {
    throw new FetchError('pixels', url, 'the image has too many pixels', {
      allowed: `at most ${maxPixels} pixels`,
      received: `${header.width}×${header.height} (${pixels} pixels)`,
    });
  }
}

async function readResponse(res: FetchResponseLike, url: string, options: CheckedFetchOptions): Promise<FetchedResource> {
  if (res.status !== 200) {
    await discard(res);
    throw new FetchError('status', url, `the server answered HTTP ${res.status}`, { allowed: '200', received: String(res.status), status: res.status });
  }
  const declared = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  checkContentType(declared, url, options.expect);
  const length = Number(res.headers.get('content-length') ?? Number.NaN);
  const tooBig = (received: string) =>
    new FetchError('size', url, 'the body is larger than the byte cap', { allowed: `at most ${options.maxBytes} bytes`, received });
  if (length > options.maxBytes) throw tooBig(`Content-Length ${length}`);

  const parts: Uint8Array[] = [];
  let total = 0;
  let header: ImageHeader | undefined;
  for await (const chunk of chunksOf(res.body ?? (async function* () {})())) {
    total += chunk.byteLength;
    if (total > options.maxBytes) throw tooBig(`more than ${options.maxBytes} bytes and still sending`);
    parts.push(chunk);
    if (options.expect === 'image' && !header && total - chunk.byteLength < HEADER_WINDOW) {
      const head = Buffer.concat(parts);
      if (head.byteLength >= 12 && !sniffImageType(head)) break; // not an image: refused below without reading on
      header = imageHeader(head);
      if (header) checkPixels(header, url, options.maxPixels);
    }
  }
  const bytes = new Uint8Array(Buffer.concat(parts));
  if (options.expect === 'json') return { url, bytes, contentType: declared, json: parseJson(bytes, url) };
  const type = sniffImageType(bytes);
  if (!type) {
    throw new FetchError('type', url, 'the body is not a PNG, JPEG, GIF or WebP image', {
      allowed: 'PNG, JPEG, GIF or WebP magic bytes',
      received: describeStart(bytes),
    });
  }
  header ??= imageHeader(bytes);
  if (!header) throw new FetchError('pixels', url, `the ${type} header gives no readable size`);
  checkPixels(header, url, options.maxPixels);
  return { url, bytes, contentType: IMAGE_MIME[header.type], image: header };
}

function parseJson(bytes: Uint8Array, url: string): unknown {
  const text = Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '');
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
