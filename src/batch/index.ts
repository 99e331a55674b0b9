/** The batch edge: many articles → card files, `manifest.json` and an `index.html` gallery. */
export { renderArticles } from './render-articles.js';
export { galleryHtml, GALLERY_FILE } from './gallery.js';
export { MANIFEST_FILE, SCHEMA_VERSION } from './manifest.js';
export { slugify } from './slug.js';
