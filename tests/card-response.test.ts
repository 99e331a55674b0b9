/**
 * cardResponse(): the card as a web Response — the bytes renderCard draws, their type and length, a
 * year-long immutable Cache-Control unless the caller sets one, a strong ETag that is the SHA-256 of the
 * body, the caller's headers checked before anything is drawn, and renderCard's errors as they are.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cardResponse, InputError, type QuoteInput, type RenderCard, renderCard } from '../src/index.js';
import { cardResponseWith } from '../src/web/card-response.js';

const quote: QuoteInput = { kind: 'quote', text: 'Share images are made where the page is served', speaker: { name: 'Ada Lovelace' } };
const other: QuoteInput = { ...quote, text: 'A different sentence, a different card' };

const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());
const sha256 = (data: Uint8Array) => `"${createHash('sha256').update(data).digest('hex')}"`;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('cardResponse', () => {
  test('a PNG response: 200, the bytes renderCard draws, their type and length, cache headers and an ETag of the body', async () => {
    const [response, card] = await Promise.all([cardResponse(quote, { size: 'square' }), renderCard(quote, { size: 'square' })]);
    expect(response.status).toBe(200);
    const body = await bytes(response);
    expect(Buffer.from(body).equals(Buffer.from(card.png))).toBe(true);
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'image/png',
      'content-length': String(card.png.byteLength),
      'cache-control': 'public, immutable, no-transform, max-age=31536000',
      etag: sha256(card.png),
    });
  });

  test('the ETag is the same for the same card and differs for another', async () => {
    const [a, b, c, d] = await Promise.all([cardResponse(quote), cardResponse(structuredClone(quote)), cardResponse(other), cardResponse(quote, { theme: 'dark' })]);
    const tags = [a, b, c, d].map((r) => r.headers.get('etag'));
    expect(tags[0]).toMatch(/^"[0-9a-f]{64}"$/);
    expect(tags[1]).toBe(tags[0]);
    expect(new Set(tags).size).toBe(3);
  });

  test("format 'svg': the SVG as UTF-8, its byte length, the same cache headers and an ETag of those bytes", async () => {
    const item: QuoteInput = { kind: 'quote', text: 'Ça dépend — « naïve » façade', speaker: { name: 'Zoë Müller' } };
    const [response, card] = await Promise.all([cardResponse(item, { format: 'svg' }), renderCard(item, { format: 'svg' })]);
    const body = await bytes(response);
    expect(new TextDecoder().decode(body)).toBe(card.svg);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(card.svg, 'utf8')));
    expect(response.headers.get('cache-control')).toBe('public, immutable, no-transform, max-age=31536000');
    expect(response.headers.get('etag')).toBe(sha256(body));
  });

  test.each([
    { name: 'an object', headers: { 'cache-control': 'no-store', 'X-Card': 'q1' } },
    { name: 'a Headers', headers: new Headers({ 'Cache-Control': 'no-store', 'x-card': 'q1' }) },
    { name: 'pairs', headers: [['CACHE-CONTROL', 'no-store'], ['x-card', 'q1']] as [string, string][] },
  ])('headers of the caller ($name) are laid over the defaults, in any case', async ({ headers }) => {
    const response = await cardResponse(quote, { headers });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-card')).toBe('q1');
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
  });

  test('the caller may set Content-Type and ETag too, and several Set-Cookie headers stay several', async () => {
    const headers = new Headers([
      ['Content-Type', 'image/x-card'],
      ['ETag', 'W/"mine"'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
    ]);
    const response = await cardResponse(quote, { headers });
    expect(response.headers.get('content-type')).toBe('image/x-card');
    expect(response.headers.get('etag')).toBe('W/"mine"');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });

  test('without Web Crypto the response has no ETag and the rest as usual', async () => {
    vi.stubGlobal('crypto', undefined);
    const response = await cardResponse(quote);
    expect(response.headers.has('etag')).toBe(false);
    expect(response.headers.get('cache-control')).toBe('public, immutable, no-transform, max-age=31536000');
    expect(response.headers.get('content-length')).toBe(String((await bytes(response)).byteLength));
  });

  const ALLOWED = 'a Headers, an object of header names and values, or [name, value] pairs, without Content-Length';
  test.each([
    { name: 'a string', headers: 'Cache-Control: no-store', received: '"Cache-Control: no-store"' },
    { name: 'null', headers: null, received: 'null' },
    { name: 'a number', headers: 5, received: '5' },
    { name: 'Content-Length', headers: { 'Content-Length': '10' }, received: 'Content-Length: "10"' },
  ])('headers as $name are an InputError naming "headers", before anything is drawn', async ({ headers, received }) => {
    const draw = vi.fn(renderCard);
    const error = await cardResponseWith(draw as RenderCard)(quote, { headers: headers as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'invalid-option', field: 'headers', allowed: ALLOWED, received });
    expect((error as Error).message).toBe(`Invalid value for option "headers". Allowed: ${ALLOWED}. Received: ${received}.`);
    expect(draw).not.toHaveBeenCalled();
  });

  test.each([
    { name: 'a bad header name', headers: { 'bad name': 'x' }, received: /^an object with keys bad name \(.*invalid header name.*\)$/ },
    { name: 'a pair of three', headers: [['a', 'b', 'c']], received: /^an array of 1 \(.*length 2.*\)$/ },
  ])('headers Headers() refuses ($name) are an InputError naming "headers" and why', async ({ headers, received }) => {
    const error = await cardResponse(quote, { headers: headers as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'invalid-option', field: 'headers', allowed: ALLOWED });
    expect((error as InputError).received).toMatch(received);
    expect((error as InputError).cause).toBeInstanceOf(TypeError);
  });

  test.each([
    { name: 'an empty quote', item: { kind: 'quote', text: ' ' }, options: undefined, code: 'invalid-input', field: 'quote.text' },
    { name: 'an unknown option', item: quote, options: { sise: 'og' }, code: 'unknown-option', field: 'sise' },
    { name: 'options that are not an object', item: quote, options: 'og', code: 'invalid-option', field: 'options' },
  ])("renderCard's errors come through as they are: $name", async ({ item, options, code, field }) => {
    const [mine, theirs] = await Promise.all([
      cardResponse(item as QuoteInput, options as never).catch((e: unknown) => e),
      renderCard(item as QuoteInput, options as never).catch((e: unknown) => e),
    ]);
    expect(mine).toBeInstanceOf(InputError);
    expect(mine).toMatchObject({ code, field, message: (theirs as Error).message });
  });

  test('the module and everything it imports use nothing from Node or any package', () => {
    const seen = new Set<string>();
    const outside: string[] = [];
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, from] of readFileSync(file, 'utf8').matchAll(/^(?:import|export) [^;]*? from '([^']+)';$/gm)) {
        if (from?.startsWith('.')) walk(join(dirname(file), from.replace(/\.js$/, '.ts')));
        else outside.push(`${file}: ${from}`);
      }
    };
    walk('src/web/card-response.ts');
    expect(seen.size).toBeGreaterThanOrEqual(3);
    expect(outside).toEqual([]);
  });
});
