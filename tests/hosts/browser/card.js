import { renderCard } from 'quotecard';
import { quote } from './quote.js';

// The first card fetches yoga.wasm, resvg.wasm and the emoji pack from beside the module.
const card = await renderCard(quote, { size: 'og', theme: 'light', site: 'GVS News' });
const img = document.querySelector('img');
img.alt = card.alt;
img.src = URL.createObjectURL(new Blob([card.png], { type: 'image/png' }));
document.querySelector('output').textContent = card.warnings.join('\n');
