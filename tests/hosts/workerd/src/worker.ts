import { cardResponse, initWasm, renderCard } from 'quotecard';
import emoji from 'quotecard/emoji/twemoji.pack';
import harfbuzz from 'quotecard/wasm/harfbuzz.wasm';
import resvg from 'quotecard/wasm/resvg.wasm';
import yoga from 'quotecard/wasm/yoga.wasm';

// Workers may not compile WebAssembly from bytes: wrangler imports each .wasm file as a compiled
// WebAssembly.Module, and the emoji pack as bytes (the Data rule in wrangler.jsonc).
const ready = () => initWasm({ yoga, resvg, harfbuzz, emoji });

const quote = {
  kind: 'quote',
  text: 'Share images are made where the page is served 🚀',
  speaker: { name: 'Ada Lovelace', role: 'Analyst' },
} as const;

export default {
  async fetch(request: Request): Promise<Response> {
    await ready();
    // The card's warnings (a missing glyph, emoji left blank), which the response itself does not carry.
    if (new URL(request.url).pathname === '/warnings') return Response.json((await renderCard(quote)).warnings);
    return cardResponse(quote);
  },
};
