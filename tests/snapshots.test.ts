/**
 * Image snapshots: every template × size × theme rendered by `renderCard()` and compared with the
 * committed PNG in tests/__image_snapshots__/ (pixelmatch, threshold 0.1, at most 0.5% of pixels may
 * differ). A missing file, or UPDATE_SNAPSHOTS=1, writes it: look at each new PNG before committing it.
 */
import { describe, expect, test } from 'vitest';
import { renderCard } from '../src/render/render-card.js';
import type { Item, SizeName } from '../src/types.js';
import { expectImageSnapshot } from './image-snapshot.js';

const ITEMS: Record<string, Item> = {
  quote: {
    kind: 'quote',
    text: 'When I met the Talibs today, I expressed outrage about yesterday’s attack on Bagram, which recklessly killed two and wounded dozens of civilians',
    speaker: { name: 'Zalmay Khalilzad', role: 'US special envoy for Afghanistan reconciliation' },
    partial: false,
    start: 0,
    end: 0,
    confidence: 1,
  },
  'quote-partial': {
    kind: 'quote',
    text: 'must show they are willing & able to respond to Afghan desire for peace',
    speaker: { name: 'Zalmay Khalilzad' },
    partial: true,
    start: 0,
    end: 0,
    confidence: 1,
  },
  'post-full': {
    kind: 'post',
    network: 'twitter',
    status: 'full',
    author: { name: 'Siobhan Heanue', handle: 'siobhanheanue', verified: true },
    date: '2019-11-19',
    text: "Pakistan & the US were also involved in negotiations for a prisoner swap. PM Khan has tweeted that he hopes the outcome will deliver a 'boost in confidence' to all parties, including the Afghan govt and Taliban. #Afghanistan @ImranKhanPTI",
    links: ['https://t.co/hcazKH6d2H'],
    start: 0,
    end: 0,
  },
  'post-link-only': {
    kind: 'post',
    network: 'twitter',
    status: 'link-only',
    id: '1205586092185006081',
    url: 'https://twitter.com/MarioZambeli/status/1205586092185006081',
    author: { handle: 'MarioZambeli' },
    links: [],
    start: 0,
    end: 0,
  },
  'post-unavailable': {
    kind: 'post',
    network: 'bluesky',
    status: 'unavailable',
    url: 'https://bsky.app/profile/someone.bsky.social/post/3kabc',
    author: { handle: 'someone.bsky.social' },
    links: [],
    start: 0,
    end: 0,
  },
};
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
