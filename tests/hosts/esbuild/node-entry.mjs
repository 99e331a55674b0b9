// The Node build ("quotecard") bundled the same way: it loads satori, resvg's native addon and its fonts from
// node_modules at run time, so run without them it must fail with an error that names the fix.
import { renderCard } from 'quotecard';

await renderCard({ kind: 'quote', text: 'A bundle without node_modules' });
