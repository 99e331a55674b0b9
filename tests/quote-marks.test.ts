/** The quote card's opening mark: the theme's `quoteMarks`, and under 'auto' the mark of the card's language. */
import { describe, expect, test } from 'vitest';
import { markStyle } from '../src/cards/quote-marks.js';
import { InputError, quoteCard, renderCard } from '../src/index.js';
import type { Node, Quote } from '../src/types.js';

const quote: Quote = { kind: 'quote', text: 'We will fix the bridge before winter', speaker: { name: 'Jane Doe' }, partial: false, start: 0, end: 0, confidence: 1 };

/** Every `aria-label` in a card tree, depth first. */
function labels(node: Node | string | null | undefined | boolean, out: string[] = []): string[] {
  if (!node || typeof node !== 'object') return out;
  const props = (node as { props?: Record<string, unknown> }).props ?? {};
  if (typeof props['aria-label'] === 'string') out.push(props['aria-label']);
  const children = props.children;
  for (const child of Array.isArray(children) ? children.flat(Infinity) : [children]) labels(child as Node, out);
  return out;
}

describe('markStyle', () => {
  test('auto follows the language of the locale', () => {
    expect(markStyle('auto', 'fr')).toBe('guillemets');
    expect(markStyle('auto', 'fr-CA')).toBe('guillemets');
    expect(markStyle('auto', 'ru-RU')).toBe('guillemets');
    expect(markStyle('auto', 'de')).toBe('low');
    expect(markStyle('auto', 'de-AT')).toBe('low');
    expect(markStyle('auto', 'de-CH')).toBe('guillemets');
    expect(markStyle('auto', 'pl')).toBe('low');
    expect(markStyle('auto', 'ja-JP')).toBe('corner');
    expect(markStyle('auto', 'zh-TW')).toBe('corner');
    expect(markStyle('auto', 'zh-Hant')).toBe('corner');
    expect(markStyle('auto', 'zh-CN')).toBe('curly');
    expect(markStyle('auto', 'en-US')).toBe('curly');
    expect(markStyle('auto', 'pt-BR')).toBe('curly');
    expect(markStyle('auto', 'pt-PT')).toBe('guillemets');
  });

  test('a style the theme names is used whatever the language; none given is curly', () => {
    expect(markStyle('curly', 'fr')).toBe('curly');
    expect(markStyle('low', 'en')).toBe('low');
    expect(markStyle('none', 'de')).toBe('none');
    expect(markStyle(undefined, 'fr')).toBe('curly');
  });
});

describe('theme.quoteMarks on cards', () => {
  test('the card draws one quotation mark, or none when the theme says none', () => {
    const ctxOf = (quoteMarks: 'auto' | 'none' | undefined) => labels(quoteCard(quote, { theme: quoteMarks ? { quoteMarks } : 'light', locale: 'fr' }));
    expect(ctxOf(undefined).filter((l) => l === 'quotation mark')).toHaveLength(1);
    expect(ctxOf('auto').filter((l) => l === 'quotation mark')).toHaveLength(1);
    expect(ctxOf('none')).not.toContain('quotation mark');
  });

  test('auto draws a different mark for French than for English, and the default is unchanged by the locale', async () => {
    const svg = async (theme: object | string, locale: string) => (await renderCard(quote, { theme: theme as never, locale, format: 'svg' })).svg;
    const english = await svg({ quoteMarks: 'auto' }, 'en-US');
    expect(await svg({ quoteMarks: 'auto' }, 'fr')).not.toBe(english);
    expect(await svg('light', 'fr')).toBe(await svg('light', 'en-US'));
    expect(await svg({ quoteMarks: 'curly' }, 'en-US')).toBe(english);
  });

  test('an unknown style is an InputError naming theme.quoteMarks', async () => {
    const error = await renderCard(quote, { theme: { quoteMarks: 'fancy' as never } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('theme.quoteMarks');
    expect((error as InputError).message).toMatch(/guillemets/);
  });
});
