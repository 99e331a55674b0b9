/** The article's language in a batch: the locale of its cards unless the batch gives one, and `--quote-marks`/`--locale` on the command line. */
import { describe, expect, test } from 'vitest';
import { planCards, type RenderSettings } from '../src/batch/card-plan.js';
import { parseCliArgs } from '../src/cli/cli-args.js';
import { InputError } from '../src/errors.js';
import type { Item } from '../src/types.js';

const quote: Item = { kind: 'quote', text: 'Nous ne céderons rien sur la sécurité', speaker: { name: 'Anne Vidal' }, partial: false, start: 0, end: 0, confidence: 1 };
const settings = (locale?: string): RenderSettings => ({
  sizes: [{ name: 'og', value: { width: 1200, height: 630, name: 'og' }, option: 'og' }],
  themes: [{ name: 'light', option: { name: 'light', quoteMarks: 'auto' } }],
  formats: ['png'],
  strict: false,
  compression: 'fast',
  fontsHash: '',
  version: '0',
  ...(locale ? { locale } : {}),
});

describe('the locale of an article’s cards', () => {
  test('is the article’s language when the batch gives none, else the batch’s', () => {
    expect(planCards('a', [quote], settings(), { lang: 'fr' })[0]?.task.options.locale).toBe('fr');
    expect(planCards('a', [quote], settings('en-GB'), { lang: 'fr' })[0]?.task.options.locale).toBe('en-GB');
    expect(planCards('a', [quote], settings(), {})[0]?.task.options).not.toHaveProperty('locale');
  });

  test('a card in another language is another card (its hash differs)', () => {
    const fr = planCards('a', [quote], settings(), { lang: 'fr' })[0]?.hash;
    const de = planCards('a', [quote], settings(), { lang: 'de' })[0]?.hash;
    expect(fr).not.toBe(de);
  });
});

describe('the command line', () => {
  const run = (...flags: string[]) => {
    const plan = parseCliArgs(['a.html', '--out', 'o', ...flags]);
    if (plan.action !== 'run') throw new Error('expected a run');
    return plan.options;
  };

  test('--quote-marks lays the style over each named theme, light when none is named; --locale is passed on', () => {
    expect(run('--quote-marks', 'auto').themes).toEqual([{ name: 'light', option: { name: 'light', quoteMarks: 'auto' } }]);
    expect(run('--quote-marks', 'guillemets', '--theme', 'light,dark').themes.map((t) => t.option)).toEqual([
      { name: 'light', quoteMarks: 'guillemets' },
      { name: 'dark', quoteMarks: 'guillemets' },
    ]);
    expect(run('--locale', 'fr-CA').locale).toBe('fr-CA');
  });

  test('an unknown style or locale names its flag', () => {
    const error = (() => {
      try {
        run('--quote-marks', 'fancy');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('Invalid value for option "--quote-marks". Allowed: auto | curly | guillemets | low | corner | none. Received: "fancy".');
    expect(() => run('--locale', 'not a locale!')).toThrow(/--locale/);
  });
});
