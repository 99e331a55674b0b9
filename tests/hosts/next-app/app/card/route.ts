import { renderCard } from 'quotecard';

// A Node route handler (the default runtime): the card is drawn by the native resvg build.
export async function GET(): Promise<Response> {
  const card = await renderCard({
    kind: 'quote',
    text: 'Share images are made where the page is served 🚀',
    speaker: { name: 'Ada Lovelace', role: 'Analyst' },
  });
  const headers = new Headers({ 'Content-Type': 'image/png' });
  if (card.warnings.length > 0) headers.set('X-Card-Warnings', JSON.stringify(card.warnings));
  return new Response(card.png, { headers });
}
