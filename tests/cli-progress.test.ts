/** Progress output: the words, the bar on a TTY, throttled plain lines otherwise, nothing when quiet. */
import { describe, expect, test } from 'vitest';
import { bar, formatDuration, progressReporter, progressText, rateAndEta } from '../src/cli/progress-bar.js';
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

  test('rate and time left', () => {
    expect(rateAndEta(at({ articlesDone: 5, cardsDone: 50, elapsedMs: 5000 }))).toEqual({ rate: 10, eta: 5 });
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
  ];

  test('a TTY gets one line redrawn in place (at most every 100 ms) and a newline at the end', () => {
    const out = feed('bar', events);
    const bars = out.split('\r').filter(Boolean).map((s) => s.slice(0, 22));
    expect(bars).toEqual(['[##------------------]', '[######--------------]', '[########------------]', '[##########----------]']);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.split('\n')).toHaveLength(2);
  });

  test('a pipe gets plain lines at most once a second, and the last state at the end', () => {
    const lines = feed('lines', events).trimEnd().split('\n');
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['1/10', '4/10', '5/10']);
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
