import { cardResponse, initWasm, renderCard } from 'quotecard';
import emoji from 'quotecard/emoji/twemoji.pack';
import * as modules from 'quotecard/wasm/modules';

// Workers may not compile WebAssembly from bytes: quotecard/wasm/modules imports the three .wasm files,
// which wrangler compiles when it bundles; the emoji pack comes as bytes (the Data rule in wrangler.jsonc).
const ready = () => initWasm({ ...modules, emoji });

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
