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
