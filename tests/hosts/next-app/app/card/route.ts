import { renderCard } from 'quotecard';

// A Node route handler (the default runtime): the card is drawn by the native resvg build.
export async function GET(): Promise<Response> {
  const card = await renderCard({
    kind: 'quote',
    text: 'Share images are made where the page is served 🚀',
    speaker: { name: 'Ada Lovelace', role: 'Analyst' },
    partial: false,
    start: 0,
    end: 0,
    confidence: 1,
  });
  const headers = new Headers({ 'Content-Type': 'image/png' });
  if (card.warnings.length > 0) headers.set('X-Card-Warnings', JSON.stringify(card.warnings));
  // card.png is optional in the result type and typed over ArrayBufferLike, which BodyInit does not take.
  if (!card.png) throw new Error('renderCard returned no PNG');
  return new Response(new Uint8Array(card.png), { headers });
}
