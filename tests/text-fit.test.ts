import satori from 'satori';
import { describe, expect, test } from 'vitest';
import { breakLines } from '../src/cards/line-break.js';
import { WIDTH_SAFETY, fitText } from '../src/cards/text-fit.js';
import { SANS_FAMILY, SERIF_FAMILY } from '../src/fonts/bundled.js';
import { fontPlan } from '../src/fonts/font-plan.js';

const plan = fontPlan();
const measure = plan.measurer;

function context() {
  const notes = { warnings: [] as string[], truncated: false };
  return {
    notes,
    ctx: { measure, warn: (m: string) => notes.warnings.push(m), markTruncated: () => {
        notes.truncated = true;
      },
    },
  };
}

const QUOTE_SIZES = [72, 64, 56, 48, 42, 36, 32, 28, 24];
const base = { family: SERIF_FAMILY, sizes: QUOTE_SIZES, width: 900, height: 400, lineHeight: 1.2 };
const words = (n: number) => Array.from({ length: n }, (_, i) => ['council', 'vote', 'budget', 'night', 'the', 'and'][i % 6]).join(' ');

describe('fitText at the extremes', () => {
  const cases = [
    { name: 'one word gets the largest size', text: 'Peace.', truncated: false, maxLines: 1 },
    { name: 'a sentence fits below the largest size', text: words(40), truncated: false },
    { name: '1,000 graphemes are cut at the smallest size', text: words(170).slice(0, 1000), truncated: true, box: { width: 900, height: 300 } },
    { name: 'a 300-character URL is broken across lines', text: `https://example.com/${'a1b2c3'.repeat(47)}`, truncated: false },
    { name: 'a 300-character URL in a tiny box is elided', text: `https://example.com/${'a1b2c3'.repeat(47)}`, truncated: true, box: { width: 300, height: 60 } },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const { ctx, notes } = context();
      const fit = fitText({ ...base, ...(c.box ?? {}), text: c.text, label: 'Quote text' }, ctx);
      if (c.truncated) expect(fit.fontSize).toBe(24);
      else {
        // The largest size that fits: the next size up needs more lines than the box holds.
        const index = QUOTE_SIZES.indexOf(fit.fontSize);
        const larger = QUOTE_SIZES[index - 1];
        if (larger) {
          const lh = Math.round(larger * 1.2);
          const lines = breakLines(c.text, (c.box?.width ?? base.width) * WIDTH_SAFETY, { family: SERIF_FAMILY, fontSize: larger }, measure).length;
          expect(lines * lh).toBeGreaterThan(c.box?.height ?? base.height);
        } else expect(fit.fontSize).toBe(72);
      }
      expect(fit.truncated).toBe(c.truncated);
      expect(notes.truncated).toBe(c.truncated);
      const width = c.box?.width ?? base.width;
      const height = c.box?.height ?? base.height;
      // Every line fits the box width, and the block fits its height.
      for (const line of fit.lines) expect(measure.width(line, { family: SERIF_FAMILY, fontSize: fit.fontSize })).toBeLessThanOrEqual(width);
      expect(fit.height).toBeLessThanOrEqual(Math.max(height, fit.lineHeight));
      expect(fit.height).toBe(fit.lines.length * fit.lineHeight);
      if (c.maxLines) expect(fit.lines.length).toBeLessThanOrEqual(c.maxLines);
      if (c.truncated) {
        expect(fit.text.endsWith('…')).toBe(true);
        expect(c.text.startsWith(fit.text.slice(0, -1))).toBe(true);
        expect(notes.warnings[0]).toMatch(/^Quote text cut to fit the card: \d+ of \d+ characters dropped at the smallest type size \(24px, \d+ lines\)\.$/);
      } else {
        expect(fit.text).toBe(c.text);
        expect(notes.warnings).toEqual([]);
      }
    });
  }

  test('a cut ends at a word boundary, without a dangling comma', () => {
    const { ctx } = context();
    const text = 'alpha beta, gamma delta, epsilon zeta, eta theta, iota kappa, lambda mu, nu xi, omicron pi, rho sigma';
    const fit = fitText({ ...base, sizes: [40], width: 420, height: 96, text }, ctx);
    expect(fit.lines.length).toBe(2);
    const head = fit.text.slice(0, -1);
    expect(head).not.toMatch(/[,\s]$/);
    expect(text.startsWith(head)).toBe(true);
    expect([' ', ','].includes(text[head.length] ?? ' ')).toBe(true);
  });

  test('fitting 1,000 graphemes takes under 50 ms (no rendering per candidate)', () => {
    const { ctx } = context();
    const text = words(170).slice(0, 1000);
    fitText({ ...base, text }, ctx);
    const started = performance.now();
    fitText({ ...base, width: 880, text: `${text} x` }, ctx);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('line breaks agree with satori', () => {
  const cases = [
    { name: 'serif prose', family: SERIF_FAMILY, fontSize: 56, width: 700, text: 'When I met the Talibs today, I expressed outrage about yesterday’s attack on Bagram, which recklessly killed two' },
    { name: 'hyphens and slashes', family: SANS_FAMILY, fontSize: 32, width: 380, text: 'A well-known co-op/partner and the long-running state-owned broadcaster said and/or hinted' },
    { name: 'a long URL', family: SANS_FAMILY, fontSize: 28, width: 500, text: `See https://example.com/${'abcdef'.repeat(50)} now` },
    { name: 'mentions and tags', family: SANS_FAMILY, fontSize: 40, width: 600, text: 'Thanks @pfrazee.com and the whole team #bluesky $TWTR, more soon' },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const mine = breakLines(c.text, c.width, c, measure).length;
      const lineHeight = Math.round(c.fontSize * 1.2);
      const svg = await satori(
        {
          type: 'div',
          props: {
            style: { display: 'flex', alignItems: 'flex-start', width: 1200, height: 2000 },
            children: { type: 'div', props: { style: { width: c.width, fontFamily: c.family, fontSize: c.fontSize, lineHeight: `${lineHeight}px`, backgroundColor: '#ff0000', overflowWrap: 'anywhere' }, children: c.text } },
          },
        } as never,
        { width: 1200, height: 2000, fonts: plan.satoriFonts as never },
      );
      const rect = /<rect[^>]*height="([\d.]+)"[^>]*fill="#ff0000"/.exec(svg);
      expect(rect).not.toBeNull();
      expect(Math.round(Number(rect?.[1]) / lineHeight)).toBe(mine);
      // With the safety margin templates use, we never need fewer lines than satori draws.
      expect(breakLines(c.text, c.width * WIDTH_SAFETY, c, measure).length).toBeGreaterThanOrEqual(mine);
    });
  }
});
