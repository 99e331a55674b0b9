/**
 * Image snapshots: every template × size × theme rendered by `renderCard()` and compared with the
 * committed PNG in tests/__image_snapshots__/ (pixelmatch, threshold 0.1, at most 0.5% of pixels may
 * differ). A missing file, or UPDATE_SNAPSHOTS=1, writes it: look at each new PNG before committing it.
 */
import { describe, expect, test } from 'vitest';
import { renderCard } from '../src/render/render-card.js';
import type { Item, SizeName } from '../src/types.js';
import { expectImageSnapshot } from './image-snapshot.js';
import { SNAPSHOT_ITEMS as ITEMS } from './snapshot-items.js';

const SIZES: SizeName[] = ['og', 'square', 'portrait', 'story'];
const THEMES = ['light', 'dark'] as const;

describe('image snapshots', () => {
  for (const [name, item] of Object.entries(ITEMS)) {
    for (const size of SIZES) {
      for (const theme of THEMES) {
        test(`${name} ${size} ${theme}`, async () => {
          const result = await renderCard(item, { size, theme, site: 'GVS News', date: '2019-12-13', locale: 'en-GB' });
          expect(result.truncated).toBe(false);
          expectImageSnapshot(`${name}-${size}-${theme}`, result.png as Uint8Array);
        });
      }
    }
  }
});

/** The opening mark of the quote's language (theme `quoteMarks: 'auto'`), and none at all. */
const MARKS: Array<{ name: string; text: string; speaker: string; size: SizeName; theme: 'light' | 'dark'; locale: string; quoteMarks: 'auto' | 'none' }> = [
  { name: 'marks-fr', text: 'Nous ne céderons rien sur la sécurité des quais, et les travaux commenceront avant l’hiver', speaker: 'Anne Vidal', size: 'og', theme: 'light', locale: 'fr', quoteMarks: 'auto' },
  { name: 'marks-de', text: 'Wir werden die Brücke vor dem Winter reparieren, das verspreche ich den Menschen hier', speaker: 'Jonas Keller', size: 'square', theme: 'dark', locale: 'de-DE', quoteMarks: 'auto' },
  { name: 'marks-ar', text: 'سنصلح الجسر قبل الشتاء، وهذا وعد للناس هنا', speaker: 'أحمد علي', size: 'og', theme: 'light', locale: 'ar', quoteMarks: 'auto' },
  { name: 'marks-none', text: 'We will fix the bridge before the winter storms arrive', speaker: 'Jane Doe', size: 'portrait', theme: 'light', locale: 'en-GB', quoteMarks: 'none' },
];

describe('image snapshots of quotation marks', () => {
  for (const m of MARKS) {
    test(`${m.name} ${m.size} ${m.theme}`, async () => {
      const quote: Item = { kind: 'quote', text: m.text, speaker: { name: m.speaker }, partial: false, start: 0, end: 0, confidence: 1 };
      const result = await renderCard(quote, { size: m.size, theme: { name: m.theme, quoteMarks: m.quoteMarks }, site: 'GVS News', date: '2019-12-13', locale: m.locale });
      expect(result.warnings).toEqual([]);
      expectImageSnapshot(`${m.name}-${m.size}-${m.theme}`, result.png as Uint8Array);
    });
  }
});
