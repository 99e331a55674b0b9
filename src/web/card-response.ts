/**
 * `cardResponse()`: one card as a web `Response`, for hosts that answer a request with one (Next.js route
 * handlers, Workers, Hono, Deno, Bun). The body is the card's PNG (or SVG, with `format: 'svg'`) bytes,
 * with Content-Type, Content-Length, a year-long immutable Cache-Control (the same item and options always
 * draw the same bytes) and a strong ETag hashed from those bytes; the caller's headers are laid over these.
 *
 * Nothing here needs Node: each entry hands in its own `renderCard` (native resvg in "quotecard",
 * WebAssembly in "quotecard/wasm"), and the hash is Web Crypto's SHA-256 (`globalThis.crypto.subtle`), which
 * Node 20, Workers, Deno, Bun and browsers' secure contexts have. Where it is missing the response goes out
 * without an ETag; the cache headers still hold.
 *
 * The card's warnings are not sent (a header cannot carry them whole, and every client would see them):
 * `renderCard()` returns them, and `strict: true` turns them into errors.
 */
import { describe, InputError } from '../errors.js';
import { isPlainObject } from '../shared/check.js';
import type { CardHeaders, CardResponse, RenderCard, RenderOptions } from '../types.js';

/** The Cache-Control a card is served with unless the caller's headers set one. */
export const CARD_CACHE_CONTROL = 'public, immutable, no-transform, max-age=31536000';

const HEADERS_ALLOWED = 'a Headers, an object of header names and values, or [name, value] pairs, without Content-Length';

/** The caller's headers, checked before anything is drawn. */
function checkHeaders(value: unknown): Headers {
  if (value === undefined) return new Headers();
  // new Headers() would read a string or a number as the name of nothing and say so in its own words
  if (typeof value !== 'object' || value === null) {
    throw new InputError('invalid-option', 'Invalid value for option "headers"', { field: 'headers', allowed: HEADERS_ALLOWED, received: describe(value) });
  }
  let headers: Headers;
  try {
    headers = new Headers(value as CardHeaders);
  } catch (error) {
    const why = error instanceof Error ? ` (${error.message})` : '';
    throw new InputError('invalid-option', 'Invalid value for option "headers"', { field: 'headers', allowed: HEADERS_ALLOWED, received: `${describe(value)}${why}`, cause: error });
  }
  // the length is the body's own: any other would cut the card short or hang the client
  if (headers.has('content-length')) {
    throw new InputError('invalid-option', 'Invalid value for option "headers"', {
      field: 'headers',
      allowed: HEADERS_ALLOWED,
      received: `Content-Length: ${describe(headers.get('content-length'))}`,
    });
  }
  return headers;
}

/** The part of Web Crypto's `SubtleCrypto` used here (its type is the DOM library's, not Node's). */
interface Digest {
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

/** A strong ETag from the SHA-256 of `body`, or none where the runtime has no Web Crypto. */
async function etag(body: Uint8Array<ArrayBuffer>): Promise<string | undefined> {
  const subtle = (globalThis as { crypto?: { subtle?: Digest } }).crypto?.subtle;
  if (!subtle) return undefined;
  const digest = new Uint8Array(await subtle.digest('SHA-256', body));
  return `"${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}"`;
}

/** `cardResponse()` drawing with `render`: the `renderCard` of the entry it is exported from. */
export function cardResponseWith(render: RenderCard): CardResponse {
  return async function cardResponse(item, options) {
    let renderOptions: unknown = options;
    let headers = new Headers();
    if (isPlainObject(options)) {
      const { headers: given, ...rest } = options;
      headers = checkHeaders(given);
      renderOptions = rest;
    }
    // anything but an options object is refused by renderCard, in its words
    const card = await render(item, renderOptions as RenderOptions);
    const png = card.png;
    const body = png ?? new TextEncoder().encode(card.svg);
    const defaults: Array<[string, string | undefined]> = [
      ['Content-Type', png ? 'image/png' : 'image/svg+xml; charset=utf-8'],
      ['Cache-Control', CARD_CACHE_CONTROL],
      ['ETag', await etag(body)],
    ];
    for (const [name, value] of defaults) if (value !== undefined && !headers.has(name)) headers.set(name, value);
    headers.set('Content-Length', String(body.byteLength));
    return new Response(body, { status: 200, headers });
  };
}
