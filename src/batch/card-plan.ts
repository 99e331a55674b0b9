/**
 * The cards one article needs: each picked item in each size and theme, with its fingerprint (what
 * the incremental cache compares), its stable id and file names, and the task a worker draws it from.
 */
import type { Item } from '../types.js';
import type { NamedTheme, SizeChoice } from './batch-options.js';
import { fingerprint } from './fingerprint.js';
import type { CardTask } from './worker.js';

/** Everything shared by the cards of a batch that shapes how they look. */
export interface RenderSettings {
  sizes: SizeChoice[];
  themes: NamedTheme[];
  formats: Array<'png' | 'svg'>;
  site?: string;
  locale?: string;
  strict: boolean;
  compression: 'fast' | 'small';
  /** Fingerprint of the extra fonts. */
  fontsHash: string;
  /** quotecard's version: a new version draws every card again. */
  version: string;
  /** A template of the workers' templates module, by name (the queue's `template`); the built-in ones when unset. */
  template?: string;
}

/** One card to draw or reuse. */
export interface PlannedCard {
  id: string;
  kind: Item['kind'];
  index: number;
  item: Item;
  size: SizeChoice;
  theme: NamedTheme;
  hash: string;
  /** File names, one per format. */
  files: Array<{ format: 'png' | 'svg'; path: string }>;
  task: CardTask;
}

/** Length of the content hash in file names (hex digits). */
export const SHORT_HASH = 8;

/**
 * Plan the cards of one article. `items` are the picked items, best first; `site`, `date` and `lang` come
 * from the article: its site and language are used when the batch's options give none.
 */
export function planCards(
  slug: string,
  items: readonly Item[],
  settings: RenderSettings,
  article: { site?: string; date?: string; lang?: string },
): PlannedCard[] {
  const perKind = { quote: 0, post: 0 };
  const site = article.site ?? settings.site;
  const locale = settings.locale ?? article.lang;
  const planned: PlannedCard[] = [];
  for (const item of items) {
    const index = ++perKind[item.kind];
    for (const size of settings.sizes) {
      for (const theme of settings.themes) {
        const options: CardTask['options'] = {
          size: size.option,
          theme: theme.option,
          format: settings.formats.includes('png') ? 'png' : 'svg',
          strict: settings.strict,
          ...(settings.compression === 'small' ? { compression: 'small' as const } : {}),
          ...(site !== undefined ? { site } : {}),
          ...(article.date !== undefined ? { date: article.date } : {}),
          ...(locale !== undefined ? { locale } : {}),
        };
        const hash = fingerprint({
          version: settings.version,
          item,
          options: { ...options, size: size.value },
          formats: settings.formats,
          fonts: settings.fontsHash,
          // left out of the hash when unset, so cards of the built-in templates hash as they always have
          template: settings.template,
        });
        const id = `${slug}-${item.kind}-${index}-${size.name}-${theme.name}-${hash.slice(0, SHORT_HASH)}`;
        planned.push({
          id,
          kind: item.kind,
          index,
          item,
          size,
          theme,
          hash,
          files: settings.formats.map((format) => ({ format, path: `${id}.${format}` })),
          task: { item, options, svg: settings.formats.includes('svg'), ...(settings.template !== undefined ? { template: settings.template } : {}) },
        });
      }
    }
  }
  return planned;
}

/** The item as manifest JSON: byte fields (an avatar, a post's photos) are left out; the card shows them. */
export function itemForManifest(item: Item): Item {
  return withoutBytes(item) as Item;
}

function withoutBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBytes);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v instanceof Uint8Array || v instanceof ArrayBuffer) continue;
    out[key] = withoutBytes(v);
  }
  return out;
}
