/**
 * Types without ceremony, checked by `npx tsc --noEmit` (this file is never run): a quote or post written
 * by hand needs only what a card draws; `png` is there, with no `!`, when the format is png, and absent with
 * 'svg'; its bytes are typed so that `new Response()` and `new Blob()` take them — under the DOM library
 * too, whose BodyInit and BlobPart take `ArrayBufferView<ArrayBuffer>` and not `Uint8Array<ArrayBufferLike>`.
 */
import { expectTypeOf } from 'vitest';
import {
  type CardResult,
  cardResponse,
  type Extraction,
  type ItemInput,
  type PngCardResult,
  type PostInput,
  postCard,
  type QuoteInput,
  quoteCard,
  type RenderCard,
  type RenderOptions,
  renderCard,
  type SvgCardResult,
} from '../src/index.js';

export async function pngByDefault(): Promise<Response> {
  const card = await renderCard({ kind: 'quote', text: 'Only the words', speaker: { name: 'Ada Lovelace' } });
  expectTypeOf(card).toEqualTypeOf<PngCardResult>();
  expectTypeOf(card.png).toEqualTypeOf<Uint8Array<ArrayBuffer>>();
  expectTypeOf(card.png).toExtend<ArrayBufferView<ArrayBuffer>>();
  new Blob([card.png]);
  return new Response(card.png, { headers: { 'Content-Type': 'image/png' } });
}

export async function pngWhenAsked(): Promise<Uint8Array<ArrayBuffer>> {
  const card = await renderCard({ kind: 'post', network: 'bluesky', text: 'Hello' }, { format: 'png', size: 'square' });
  expectTypeOf(card).toEqualTypeOf<PngCardResult>();
  return card.png;
}

export async function svgHasNoPng(): Promise<string> {
  const card = await renderCard({ kind: 'quote', text: 'Only the words' }, { format: 'svg' });
  expectTypeOf(card).toEqualTypeOf<SvgCardResult>();
  expectTypeOf(card.png).toEqualTypeOf<undefined>();
  return card.svg;
}

export async function formatKnownAtRunTime(options: RenderOptions): Promise<Blob | undefined> {
  const card = await renderCard({ kind: 'quote', text: 'Only the words' }, options);
  expectTypeOf(card).toEqualTypeOf<PngCardResult | SvgCardResult>();
  expectTypeOf(card).toExtend<CardResult>();
  // @ts-expect-error the format may be 'svg': png may be missing
  card.png.byteLength;
  return card.png ? new Blob([card.png], { type: 'image/png' }) : undefined;
}

export function inputs(extraction: Extraction): void {
  // what extract() returns is an input as it is
  expectTypeOf(extraction.quotes[0]).toExtend<QuoteInput | undefined>();
  expectTypeOf<Extraction['posts'][number]>().toExtend<PostInput>();
  expectTypeOf<{ kind: 'quote'; text: string }>().toExtend<ItemInput>();
  expectTypeOf<{ kind: 'post'; network: 'mastodon' }>().toExtend<ItemInput>();
  expectTypeOf<{ kind: 'quote' }>().not.toExtend<ItemInput>();
  expectTypeOf<{ kind: 'post'; text: string }>().not.toExtend<PostInput>();
  quoteCard({ kind: 'quote', text: 'Only the words' });
  postCard({ kind: 'post', network: 'threads', text: 'Hi' });
}

export function sameTypeFromBothEntries(): void {
  expectTypeOf(renderCard).toEqualTypeOf<RenderCard>();
  expectTypeOf(cardResponse).parameter(0).toEqualTypeOf<ItemInput>();
  expectTypeOf(cardResponse).returns.toEqualTypeOf<Promise<Response>>();
}

export async function response(): Promise<Response> {
  return cardResponse({ kind: 'quote', text: 'Only the words' }, { size: 'og', headers: { 'Cache-Control': 'no-store' } });
}
