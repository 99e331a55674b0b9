import { initWasm, renderCard } from 'quotecard/wasm';
import * as modules from 'quotecard/wasm/modules';

// An edge route. The edge runtime may not compile WebAssembly from bytes: quotecard/wasm/modules imports
// the three modules with `?module`, which Next compiles when it builds.
export const runtime = 'edge';

export async function GET(): Promise<Response> {
  await initWasm(modules);
  const card = await renderCard({
    kind: 'quote',
    text: 'Share images are made where the page is served 🚀',
    speaker: { name: 'Ada Lovelace', role: 'Analyst' },
  });
  const headers = new Headers({ 'Content-Type': 'image/png' });
  if (card.warnings.length > 0) headers.set('X-Card-Warnings', JSON.stringify(card.warnings));
  return new Response(card.png, { headers });
}
