/** Progress output: the words, the bar on a TTY, throttled plain lines otherwise, nothing when quiet. */
import { describe, expect, test } from 'vitest';
import { bar, formatDuration, progressReporter, progressText } from '../src/cli/progress-bar.js';
import { averagePace, MovingPace } from '../src/cli/progress-rate.js';
import type { BatchProgress } from '../src/types.js';

const at = (over: Partial<BatchProgress>): BatchProgress => ({
  articlesDone: 0,
  articlesTotal: 10,
  cardsDone: 0,
  cardsKnown: 0,
  rendered: 0,
  cached: 0,
  failed: 0,
  elapsedMs: 0,
  ...over,
});

describe('progress words', () => {
  const durations = [
    { name: 'seconds', input: 7.4, expected: '0:07' },
    { name: 'minutes', input: 62, expected: '1:02' },
    { name: 'hours', input: 3723, expected: '1:02:03' },
    { name: 'negative is zero', input: -3, expected: '0:00' },
  ];
  for (const c of durations) test(`duration: ${c.name}`, () => expect(formatDuration(c.input)).toBe(c.expected));

  const texts = [
    { name: 'nothing done yet: no time left shown', input: at({}), expected: '0/10 articles · 0/0 cards (0 unchanged) · 0.0 cards/s' },
    {
      name: 'a quarter done in 10 s',
      input: at({ articlesDone: 2, articlesTotal: 8, cardsDone: 20, cardsKnown: 24, rendered: 15, cached: 5, elapsedMs: 10_000 }),
      expected: '2/8 articles · 20/24 cards (5 unchanged) · 2.0 cards/s · 0:30 left',
    },
    {
      name: 'failures are counted',
      input: at({ articlesDone: 10, cardsDone: 40, cardsKnown: 40, rendered: 38, failed: 2, elapsedMs: 4000 }),
      expected: '10/10 articles · 40/40 cards (0 unchanged) · 2 failed · 10.0 cards/s · 0:00 left',
    },
  ];
  for (const c of texts) test(`text: ${c.name}`, () => expect(progressText(c.input)).toBe(c.expected));

  test('rate and time left, on average', () => {
    expect(averagePace(at({ articlesDone: 5, cardsDone: 50, elapsedMs: 5000 }))).toEqual({ rate: 10, eta: 5 });
  });

  test('rate and time left over the last 30 s: a batch that speeds up shows its pace now', () => {
    const pace = new MovingPace();
    // 60 s for the first 10 articles (1 card/s), then 10 articles in 10 s (10 cards/s) out of 100
    for (let s = 0; s <= 60; s++) pace.update(at({ articlesTotal: 100, articlesDone: Math.floor(s / 6), cardsDone: s, elapsedMs: s * 1000 }));
    let now = pace.update(at({ articlesTotal: 100, articlesDone: 10, cardsDone: 60, elapsedMs: 60_000 }));
    for (let s = 61; s <= 70; s++) now = pace.update(at({ articlesTotal: 100, articlesDone: 10 + (s - 60), cardsDone: 60 + 10 * (s - 60), elapsedMs: s * 1000 }));
    // window: 40 s → 70 s: 110 cards and 13⅓ articles… exactly: at 40 s 6 articles and 40 cards
    expect(now.rate).toBeCloseTo((160 - 40) / 30, 5);
    expect(now.eta).toBeCloseTo(80 / ((20 - 6) / 30), 5);
    // the average since the start would say 160/70 cards/s and 70·80/20 = 280 s left
    expect(averagePace(at({ articlesTotal: 100, articlesDone: 20, cardsDone: 160, elapsedMs: 70_000 })).eta).toBeCloseTo(280, 5);
    expect(now.eta as number).toBeLessThan(200);
  });

  test('in its first second, or with no article done yet, the pace is the average', () => {
    const pace = new MovingPace();
    expect(pace.update(at({ cardsDone: 2, elapsedMs: 200 }))).toEqual({ rate: 10 });
    expect(pace.update(at({ articlesDone: 1, cardsDone: 4, elapsedMs: 500 }))).toEqual(averagePace(at({ articlesDone: 1, cardsDone: 4, elapsedMs: 500 })));
  });

  test('no article settled inside the window: time left is the average guess, not infinity', () => {
    const pace = new MovingPace();
    pace.update(at({ articlesDone: 1, cardsDone: 5, elapsedMs: 10_000 }));
    const now = pace.update(at({ articlesDone: 1, cardsDone: 9, elapsedMs: 50_000 }));
    expect(now.eta).toBe(averagePace(at({ articlesDone: 1, cardsDone: 9, elapsedMs: 50_000 })).eta);
    expect(Number.isFinite(now.eta)).toBe(true);
  });

  const bars = [
    { name: 'empty', input: at({}), expected: '[----------]' },
    { name: 'half', input: at({ articlesDone: 5 }), expected: '[#####-----]' },
    { name: 'full', input: at({ articlesDone: 10 }), expected: '[##########]' },
  ];
  for (const c of bars) test(`bar: ${c.name}`, () => expect(bar(c.input, 10)).toBe(c.expected));
});

describe('progressReporter', () => {
  /** Feed `events` at the given clock times and collect what is written. */
  function feed(mode: 'bar' | 'lines' | 'none', events: Array<[number, Partial<BatchProgress>]>) {
    let written = '';
    let clock = 0;
    const reporter = progressReporter(mode, { write: (s: string) => (written += s), columns: 200 }, () => clock);
    for (const [time, progress] of events) {
      clock = time;
      reporter.onProgress(at(progress));
    }
    reporter.finish();
    return written;
  }
  const events: Array<[number, Partial<BatchProgress>]> = [
    [0, { articlesDone: 1 }],
    [50, { articlesDone: 2 }],
    [400, { articlesDone: 3 }],
    [1500, { articlesDone: 4 }],
    [1600, { articlesDone: 5 }],
    [5200, { articlesDone: 6 }],
    [5300, { articlesDone: 7 }],
  ];

  test('a TTY gets one line redrawn in place (at most every 100 ms) and a newline at the end', () => {
    const out = feed('bar', events);
    const bars = out.split('\r').filter(Boolean).map((s) => s.slice(0, 22));
    expect(bars).toEqual(['[##------------------]', '[######--------------]', '[########------------]', '[##########----------]', '[############--------]', '[##############------]']);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.split('\n')).toHaveLength(2);
  });

  test('a pipe gets a plain line every five seconds, and the last state at the end', () => {
    const lines = feed('lines', events).trimEnd().split('\n');
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['1/10', '6/10', '7/10']);
  });

  test('the end of a batch is always shown', () => {
    const lines = feed('lines', [
      [0, { articlesDone: 1, articlesTotal: 2 }],
      [10, { articlesDone: 2, articlesTotal: 2 }],
    ])
      .trimEnd()
      .split('\n');
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['1/2', '2/2']);
  });

  test('--quiet and --json print no progress', () => {
    expect(feed('none', events)).toBe('');
  });
});
