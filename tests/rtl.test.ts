/**
 * Right-to-left cards: direction detection, the layout mirrored for Arabic and Hebrew quotes and posts,
 * the workarounds for satori's bidi, the bundled Arabic and Hebrew fonts (loaded only when text needs
 * them, measured as satori shapes them) and image snapshots of the cards.
 */
import { describe, expect, test } from 'vitest';
import { initials } from '../src/cards/avatar.js';
import { charDirection, strongDirection, textDirection } from '../src/cards/direction.js';
import { postTemplate, quoteDisplayText, quoteTemplate, } from '../src/cards/index.js';
import { justify } from '../src/cards/parts.js';
import { markFeatures, numberGroupsForDrawing } from '../src/cards/rtl-drawing.js';
import { fontPlan } from '../src/fonts/font-plan.js';
import { contextFor } from './helpers/fonts.js';
import { loadedOptionalFaces } from '../src/fonts/optional-fonts.js';
import { renderCard } from '../src/render/render-card.js';
import type { Node, Post, Quote, SizeName, TemplateContext } from '../src/types.js';
import { expectImageSnapshot } from './image-snapshot.js';
import { satoriWidth } from './satori-width.js';

const ARABIC = 'قال الرئيس إن 42 شخصاً قتلوا في الهجوم، وإن حلف NATO سيعقد اجتماعاً طارئاً (يوم الأحد) في الساعة 10:00 لبحث «الرد المناسب»';
const HEBREW = 'אמר ראש הממשלה כי 42 בני אדם נהרגו בתקיפה, וכי ישיבת החירום של NATO תתקיים ביום ראשון ב-10:00 (שעון ישראל)';

const quote = (text: string, name: string, role?: string): Quote => ({
  kind: 'quote',
  text,
  speaker: role ? { name, role } : { name },
  partial: false,
  start: 0,
  end: 0,
  confidence: 1,
});
const post = (text: string, name: string, handle: string): Post => ({
  kind: 'post',
  network: 'twitter',
  status: 'full',
  author: { name, handle, verified: true },
  date: '2019-11-19',
  text,
  links: ['https://t.co/hcazKH6d2H'],
  start: 0,
  end: 0,
});

const ITEMS = {
  'rtl-quote-arabic': quote(ARABIC, 'Jens Stoltenberg', 'NATO secretary general'),
  'rtl-quote-hebrew': quote(HEBREW, 'בנימין נתניהו', 'ראש ממשלת ישראל'),
  'rtl-post-arabic': post('عاجل: وزير الخارجية يصل إلى الدوحة الساعة 10:30 لإجراء محادثات مع وفد طالبان حول تبادل 5000 سجين. #أفغانستان @ImranKhanPTI', 'قناة الجزيرة', 'AJArabic'),
};
const SIZES: SizeName[] = ['og', 'square', 'portrait', 'story'];
const options = { site: 'GVS News', date: '2019-12-13', locale: 'en-GB' } as const;

// First in the file (a fresh module registry): a Latin card must not read or parse the RTL fonts.
describe('bundled right-to-left fonts', () => {
  test('a Latin card loads no script font; an Arabic card loads only the Arabic faces', async () => {
    await renderCard(quote('We must show they are willing and able to respond.', 'Zalmay Khalilzad'));
    expect(loadedOptionalFaces()).toEqual([]);
    await renderCard(quote('مرحبا بالعالم', 'Ali'));
    expect(loadedOptionalFaces().map((f) => [f.name, f.weight, f.source])).toEqual([
      ['Quotecard Arabic', 400, 'fonts/NotoNaskhArabic-Regular.ttf'],
      ['Quotecard Arabic', 700, 'fonts/NotoNaskhArabic-Bold.ttf'],
    ]);
  });

  test.each([
    { name: 'Arabic quote', item: ITEMS['rtl-quote-arabic'] },
    { name: 'Hebrew quote', item: ITEMS['rtl-quote-hebrew'] },
    { name: 'Arabic post', item: ITEMS['rtl-post-arabic'] },
    { name: 'Persian quote', item: quote('می‌خواهم این گزارش را بخوانم', 'Hassan Rouhani') },
    { name: 'Urdu quote', item: quote('انہوں نے کہا کہ ہم امن چاہتے ہیں۔', 'Imran Khan') },
  ])('$name: no missing-glyph warning, and strict does not throw', async ({ item }) => {
    const card = await renderCard(item, { ...options, format: 'svg' });
    expect(card.warnings).toEqual([]);
    await expect(renderCard(item, { ...options, strict: true, format: 'svg' })).resolves.toBeDefined();
  });
});

describe('direction detection', () => {
  const cases: Array<{ name: string; input: string; expected: 'ltr' | 'rtl' | undefined }> = [
    { name: 'Latin', input: 'He said so.', expected: 'ltr' },
    { name: 'Arabic', input: 'قال الرئيس', expected: 'rtl' },
    { name: 'Hebrew', input: 'שלום עולם', expected: 'rtl' },
    { name: 'Persian', input: 'می‌خواهم', expected: 'rtl' },
    { name: 'Syriac', input: 'ܫܠܡܐ', expected: 'rtl' },
    { name: 'Thaana', input: 'ދިވެހި', expected: 'rtl' },
    { name: 'N’Ko', input: 'ߒߞߏ', expected: 'rtl' },
    { name: 'Arabic after numbers and punctuation', input: '«42» — قال', expected: 'rtl' },
    { name: 'Latin word first in Arabic text', input: 'NATO قال الرئيس', expected: 'ltr' },
    { name: 'Hebrew after a Latin-digit time', input: '10:00 ב', expected: 'rtl' },
    { name: 'Arabic-Indic digits only', input: '١٢٣٤', expected: undefined },
    { name: 'European digits only', input: '2019-12-13', expected: undefined },
    { name: 'punctuation and emoji only', input: '“…” 👍', expected: undefined },
    { name: 'marks are not strong', input: '\u064b\u0651ب', expected: 'rtl' },
    { name: 'Greek', input: 'Αθήνα', expected: 'ltr' },
    { name: 'Han', input: '中文', expected: 'ltr' },
    { name: 'RLM is strong right-to-left', input: '\u200f42', expected: 'rtl' },
    { name: 'LRM is strong left-to-right', input: '\u200eשלום', expected: 'ltr' },
    { name: 'empty', input: '', expected: undefined },
  ];
  test.each(cases)('$name', ({ input, expected }) => {
    expect(strongDirection(input)).toBe(expected);
    expect(textDirection(input)).toBe(expected ?? 'ltr');
    expect(textDirection(input, 'rtl')).toBe(expected ?? 'rtl');
  });
  test.each([
    { input: 'a', expected: 'ltr' },
    { input: 'ש', expected: 'rtl' },
    { input: 'ك', expected: 'rtl' },
    { input: '٣', expected: undefined },
    { input: '7', expected: undefined },
    { input: '(', expected: undefined },
    { input: '\u0651', expected: undefined },
  ])('charDirection($input) is $expected', ({ input, expected }) => {
    expect(charDirection(input)).toBe(expected);
  });
});

describe('drawing right-to-left lines for satori', () => {
  test.each([
    { name: 'a time after Hebrew', line: 'ב-10:00 בבוקר', base: 'rtl', expected: 'ב-00:10 בבוקר' },
    { name: 'a date after Arabic', line: 'في 2019/12/13 قال', base: 'rtl', expected: 'في 13/12/2019 قال' },
    { name: 'a range opening an RTL paragraph', line: '10-12 شخصاً', base: 'rtl', expected: '12-10 شخصاً' },
    { name: 'decimals and thousands stay whole', line: 'نحو 1,234.5:2 شخص', base: 'rtl', expected: 'نحو 2:1,234.5 شخص' },
    { name: 'Arabic-Indic digits', line: 'الساعة ١٠:٣٠', base: 'rtl', expected: 'الساعة ٣٠:١٠' },
    { name: 'after a Latin word in an RTL line', line: 'قال NATO 10:00', base: 'rtl', expected: 'قال NATO 10:00' },
    { name: 'a plain number', line: 'قتل 42 شخصاً', base: 'rtl', expected: 'قتل 42 شخصاً' },
    { name: 'an en dash range (browsers reverse it too)', line: 'בין 2014–2024', base: 'rtl', expected: 'בין 2014–2024' },
    { name: 'Latin text', line: 'At 10:00 on 2019/12/13', base: 'ltr', expected: 'At 10:00 on 2019/12/13' },
    { name: 'Hebrew inside a Latin line', line: 'He said שלום at 10:00', base: 'ltr', expected: 'He said שלום at 10:00' },
    { name: 'a time right after Hebrew in a Latin line', line: 'He said שלום 10:00', base: 'ltr', expected: 'He said שלום 00:10' },
  ] as const)('number groups: $name', ({ line, base, expected }) => {
    expect(numberGroupsForDrawing(line, base)).toBe(expected);
  });
  test.each([
    { name: 'unvocalised Arabic', input: 'قال الرئيس', expected: {} },
    { name: 'tanween', input: 'شخصاً', expected: { fontFeatureSettings: '"mark" 0, "mkmk" 0' } },
    { name: 'harakat', input: 'لَكِنَّ', expected: { fontFeatureSettings: '"mark" 0, "mkmk" 0' } },
    { name: 'pointed Hebrew keeps mark positioning', input: 'בְּרֵאשִׁית', expected: {} },
    { name: 'Vietnamese keeps mark positioning', input: 'Vie\u0302\u0323t', expected: {} },
  ])('mark features: $name', ({ input, expected }) => {
    expect(markFeatures(input)).toEqual(expected);
  });
  test.each([
    { align: 'left', direction: 'ltr', expected: 'flex-start' },
    { align: 'left', direction: 'rtl', expected: 'flex-end' },
    { align: 'right', direction: 'ltr', expected: 'flex-end' },
    { align: 'right', direction: 'rtl', expected: 'flex-start' },
    { align: 'center', direction: 'rtl', expected: 'center' },
    { align: undefined, direction: 'ltr', expected: 'flex-start' },
  ] as const)('justify($align, $direction) is $expected', ({ align, direction, expected }) => {
    expect(justify(align, direction)).toBe(expected);
  });
  test.each([
    { name: 'Arabic names get one initial (letters would join)', author: { name: 'قناة الجزيرة', handle: 'x' }, expected: 'ق' },
    { name: 'Hebrew names get two', author: { name: 'בנימין נתניהו', handle: 'x' }, expected: 'בנ' },
    { name: 'Latin names get two', author: { name: 'Siobhan Heanue', handle: 'x' }, expected: 'SH' },
  ])('initials: $name', ({ author, expected }) => {
    expect(initials(author)).toBe(expected);
  });
  test.each([
    { input: 'هل انتهى الأمر؟', expected: 'هل انتهى الأمر؟' },
    { input: 'انہوں نے کہا۔', expected: 'انہوں نے کہا۔' },
    { input: 'قال إن الوضع مستقر', expected: 'قال إن الوضع مستقر.' },
  ])('quote ending: $input', ({ input, expected }) => {
    expect(quoteDisplayText({ text: input, partial: false })).toBe(expected);
  });
});

/** Every node of a tree, depth first. */
function nodes(node: unknown): Array<{ type: string; props: Record<string, unknown> & { style?: Record<string, unknown> } }> {
  if (!node || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap(nodes);
  const n = node as { type: string; props: Record<string, unknown> & { style?: Record<string, unknown> } };
  return [n, ...nodes(n.props?.children)];
}
/** The divs that hold one drawn line of text: [text, style]. */
function textLines(tree: Node): Array<{ text: string; style: Record<string, unknown> }> {
  return nodes(tree)
    .filter((n) => n.type === 'div' && n.props.style?.whiteSpace === 'pre' && n.props.style?.direction !== undefined && n.props.style?.justifyContent !== undefined)
    .map((n) => ({ text: nodes(n.props.children).map((c) => (typeof c.props?.children === 'string' ? c.props.children : '')).join('') || String(n.props.children ?? ''), style: n.props.style ?? {} }));
}

function context(size: SizeName): TemplateContext {
  return contextFor({ size, locale: 'en-GB', site: 'GVS News', date: '2019-12-13' }).ctx;
}

describe('right-to-left templates', () => {
  test.each(SIZES)('Arabic quote, %s: lines set right to left from the right, mark mirrored on the right', (size) => {
    const tree = quoteTemplate(ITEMS['rtl-quote-arabic'], context(size));
    const lines = textLines(tree);
    const quoteLines = lines.filter((l) => /[\u0600-\u06ff]/u.test(l.text));
    expect(quoteLines.length).toBeGreaterThan(1);
    for (const line of quoteLines) {
      expect(line.style.direction).toBe('rtl');
      expect(line.style.justifyContent).toBe(size === 'story' ? 'center' : 'flex-start');
    }
    // The Latin name and role are set left to right, on the right (or centred on a story).
    const name = lines.find((l) => l.text === 'Jens Stoltenberg');
    expect(name?.style.direction).toBe('ltr');
    expect(name?.style.justifyContent).toBe(size === 'story' ? 'center' : 'flex-end');
    const mark = nodes(tree).find((n) => n.type === 'svg' && n.props['aria-label'] === 'quotation mark');
    expect(nodes(mark).some((n) => n.props.transform === 'matrix(-1 0 0 1 26 0)')).toBe(true);
    if (size === 'og') expect((tree as { props: { style: Record<string, unknown> } }).props.style.flexDirection).toBe('row-reverse');
  });
  test('a Latin quote keeps its left-to-right layout', () => {
    const tree = quoteTemplate(quote('We must show they are willing and able to respond.', 'Zalmay Khalilzad'), context('og'));
    expect((tree as { props: { style: Record<string, unknown> } }).props.style.flexDirection).toBe('row');
    for (const line of textLines(tree)) expect([line.style.direction, line.style.justifyContent]).toEqual(['ltr', 'flex-start']);
    const mark = nodes(tree).find((n) => n.type === 'svg');
    expect(nodes(mark).some((n) => typeof n.props.transform === 'string' && n.props.transform.startsWith('matrix'))).toBe(false);
  });
  test('a Hebrew speaker line is right to left; the source line is mirrored', () => {
    const tree = quoteTemplate(ITEMS['rtl-quote-hebrew'], context('square'));
    const name = textLines(tree).find((l) => l.text === 'בנימין נתניהו');
    expect(name?.style).toMatchObject({ direction: 'rtl', justifyContent: 'flex-start' });
    const source = nodes(tree).find((n) => n.props.style?.justifyContent === 'space-between');
    expect(source?.props.style?.flexDirection).toBe('row-reverse');
    const tail = nodes(tree).find((n) => typeof n.props.children === 'string' && n.props.children.includes('2019'));
    expect(tail?.props.children).toBe('13 December 2019  ·  ');
  });
  test.each(SIZES)('Arabic post, %s: header and footer mirrored, text right to left without spans', (size) => {
    const tree = postTemplate(ITEMS['rtl-post-arabic'], context(size));
    const rows = nodes(tree).filter((n) => n.props.style?.flexDirection === 'row-reverse');
    expect(rows.length).toBeGreaterThanOrEqual(3); // header, name with badge, footer
    const body = textLines(tree).filter((l) => /[\u0600-\u06ff]/u.test(l.text) && l.style.fontWeight === 400);
    expect(body.length).toBeGreaterThan(1);
    for (const line of body) expect([line.style.direction, line.style.justifyContent]).toEqual(['rtl', 'flex-start']);
    // satori cannot reorder words across spans: right-to-left lines are one string.
    expect(body.every((l) => typeof nodes(tree).find((n) => n.props.style === l.style)?.props.children === 'string')).toBe(true);
  });
});


describe('measuring right-to-left text', () => {
  test.each([
    { name: 'Arabic with Latin and numbers, serif', text: 'قال الرئيس إن 42 شخصاً قتلوا في الهجوم، وإن حلف NATO سيعقد', family: 'Quotecard Serif', weight: 400 },
    { name: 'Arabic ligatures, bold sans', text: 'مستشفى المستشفيات لله', family: 'Quotecard Sans', weight: 700 },
    { name: 'Persian with ZWNJ', text: 'می‌خواهم این گزارش را بخوانم', family: 'Quotecard Sans', weight: 400 },
    { name: 'Hebrew with numbers', text: 'אמר ראש הממשלה כי 42 בני אדם נהרגו', family: 'Quotecard Serif', weight: 400 },
  ])('$name: within 1.5% of satori (joined letters measured shaped)', async ({ text, family, weight }) => {
    const ours = fontPlan().measurer.width(text, { family, fontSize: 40, weight });
    const theirs = await satoriWidth(fontPlan(), text, family, 40, weight, true);
    expect(Math.abs(ours - theirs) / theirs).toBeLessThan(0.015);
  });
});

describe('right-to-left cards render', () => {
  test.each(SIZES.flatMap((size) => Object.keys(ITEMS).map((name) => ({ name, size }))))('$name $size: fits without cuts or warnings', async ({ name, size }) => {
    const card = await renderCard(ITEMS[name as keyof typeof ITEMS], { ...options, size, format: 'svg' });
    expect(card.truncated).toBe(false);
    expect(card.warnings).toEqual([]);
  });
  const snapshots = [
    { name: 'rtl-quote-arabic', size: 'og' },
    { name: 'rtl-quote-arabic', size: 'square' },
    { name: 'rtl-quote-hebrew', size: 'og' },
    { name: 'rtl-quote-hebrew', size: 'square' },
    { name: 'rtl-post-arabic', size: 'og' },
  ] as const;
  test.each(snapshots)('snapshot $name $size light', async ({ name, size }) => {
    const card = await renderCard(ITEMS[name], { ...options, size, theme: 'light' });
    expectImageSnapshot(`${name}-${size}-light`, card.png as Uint8Array);
  });
});
