import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { planFor } from './helpers/fonts.js';
import { fontPlan, glyphWarning, missingGlyphs } from '../src/fonts/index.js';
import { installedPackage, OPTIONAL_PACKAGES } from '../src/fonts/optional-fonts.js';

const hebrew = readFileSync(new URL('./fixtures/fonts/noto-sans-hebrew-hebrew-400-normal.woff2', import.meta.url));
const installed = (id: string) => installedPackage(OPTIONAL_PACKAGES.find((p) => p.id === id) ?? { id });

const covered = [
  { name: 'Latin', input: 'The quick brown fox jumps over the lazy dog, 1,234.56 € — “quoted” ‘it’s’ … 50% & (x) @user #tag $TSLA' },
  { name: 'Latin Extended', input: 'Łódź Ærøskøbing Straße Şişli İstanbul Čeština Dvořák Ħamrun ŋ ƒ ǅ' },
  { name: 'Vietnamese (precomposed)', input: 'Tiếng Việt có dấu: Nguyễn Phú Trọng, Hà Nội, Đà Nẵng' },
  { name: 'Vietnamese (combining marks)', input: 'Vie\u0302\u0323t Nam' },
  { name: 'Greek', input: 'Ελληνικά: Αθήνα, ΚΥΡΙΑΚΉ ἀρχὴ' },
  { name: 'Cyrillic', input: 'Москва, Україна, Беларусь, Србија, Қазақстан' },
  { name: 'Arabic (bundled Noto Naskh Arabic)', input: 'قال الرئيس إن 42 شخصاً قتلوا، «NATO» ١٢٣ ؟' },
  { name: 'vocalised Arabic', input: 'بِسْمِ ٱللَّٰهِ ٱلرَّحْمَٰنِ' },
  { name: 'Persian and Urdu letters', input: 'می‌خواهم گزارش پڑھیں ۔' },
  { name: 'Hebrew (bundled Noto Sans Hebrew)', input: 'אמר ראש הממשלה כי 42 בני אדם נהרגו ב-10:00' },
  { name: 'pointed Hebrew', input: 'בְּרֵאשִׁית בָּרָא אֱלֹהִים' },
  { name: 'controls, joiners, bidi marks and selectors are ignored', input: 'a\u200db\u200ec\u202ed\ufe0ee\u00ad\tf\n' },
];

const reported = [
  { name: 'Syriac', input: 'ܫܠܡܐ', script: 'Syriac', chars: ['ܫ', 'ܠ', 'ܡ', 'ܐ'], pkg: 'noto-sans-syriac' },
  // Han is drawn by any of the CJK packages; kana by the Japanese one and by Noto Sans SC, which has them too
  { name: 'Han', input: '中文', script: 'Han', chars: ['中', '文'], pkg: ['noto-sans-jp', 'noto-sans-sc', 'noto-sans-tc', 'noto-sans-hk'] },
  { name: 'Hiragana', input: 'ひらがな', script: 'Hiragana', chars: ['ひ', 'ら', 'が', 'な'], pkg: ['noto-sans-jp', 'noto-sans-sc'] },
  { name: 'Hangul', input: '한국', script: 'Hangul', chars: ['한', '국'], pkg: 'noto-sans-kr' },
  { name: 'Devanagari (clusters)', input: 'नमस्ते', script: 'Devanagari', chars: ['न', 'म', 'स्ते'], pkg: 'noto-sans-devanagari' },
  { name: 'Thai', input: 'ไทย', script: 'Thai', chars: ['ไ', 'ท', 'ย'], pkg: 'noto-sans-thai' },
  { name: 'Armenian', input: 'Հայ', script: 'Armenian', chars: ['Հ', 'ա', 'յ'], pkg: 'noto-sans-armenian' },
];

describe('missingGlyphs', () => {
  test.each(covered)('bundled fonts cover $name', ({ input }) => {
    expect(missingGlyphs(input, fontPlan())).toEqual([]);
  });
  test.each(reported)('$name is reported with its script name', ({ input, script, chars, pkg }) => {
    const expected = [pkg].flat().some((id) => installed(id)) ? [] : [{ script, chars }];
    expect(missingGlyphs(`He said: ${input}.`, fontPlan())).toEqual(expected);
  });
  test('several scripts are grouped in order of appearance, each character once', () => {
    const missing = missingGlyphs('ไทย नमस्ते ไทย ܫܠܡܐ', fontPlan());
    const expected = [['Thai', 'noto-sans-thai'], ['Devanagari', 'noto-sans-devanagari'], ['Syriac', 'noto-sans-syriac']].filter(([, pkg]) => !installed(pkg as string));
    expect(missing.map((g) => g.script)).toEqual(expected.map(([script]) => script));
  });
  test('a user font for the script covers it', () => {
    const plan = planFor([{ name: 'Hebrew', data: hebrew, lang: 'he' }]);
    expect(missingGlyphs('“שלום עולם,” he said', plan)).toEqual([]);
    expect(missingGlyphs('שלום ไทย', plan).map((g) => g.script)).toEqual(installed('noto-sans-thai') ? [] : ['Thai']);
  });
  test('a mark the base character’s font lacks is reported', () => {
    const plan = planFor([{ name: 'Hebrew', data: hebrew, lang: 'he' }]);
    expect(missingGlyphs('ש\u0651', plan)).toEqual([{ script: 'Mark', chars: ['\u0651'] }]);
  });
  test('plain Latin text is checked in microseconds', () => {
    const plan = fontPlan();
    const text = 'We must show they are willing & able to respond to Afghan desire for peace.\nZalmay Khalilzad\nGVS News · Dec 13, 2019';
    missingGlyphs(text, plan);
    const start = performance.now();
    for (let i = 0; i < 1000; i++) missingGlyphs(text, plan);
    expect((performance.now() - start) / 1000).toBeLessThan(0.5);
  });
});

describe('glyphWarning', () => {
  test.each([
    { name: 'one script', input: [{ script: 'Arabic', chars: ['م', 'ر', 'ح'] }], expected: 'No font has glyphs for 3 characters (Arabic: م ر ح). Pass a font for them in options.fonts.' },
    { name: 'one character', input: [{ script: 'Han', chars: ['中'] }], expected: 'No font has glyphs for 1 character (Han: 中). Pass a font for them in options.fonts.' },
    {
      name: 'two scripts',
      input: [{ script: 'Hebrew', chars: ['ש'] }, { script: 'Devanagari', chars: ['न', 'म'] }],
      expected: 'No font has glyphs for 3 characters (Hebrew: ש; Devanagari: न म). Pass a font for them in options.fonts.',
    },
    {
      name: 'long lists are cut',
      input: [{ script: 'Han', chars: Array.from('一二三四五六七八九十百千万亿') }],
      expected: 'No font has glyphs for 14 characters (Han: 一 二 三 四 五 六 七 八 九 十 百 千 … (2 more)). Pass a font for them in options.fonts.',
    },
    { name: 'emoji only', input: [{ script: 'Emoji', chars: ['👍\u200d🔥'] }], expected: 'No font has glyphs for 1 character (Emoji: 👍\u200d🔥). They are left blank: Twemoji has no image for them.' },
  ])('$name', ({ input, expected }) => {
    expect(glyphWarning(input)).toBe(expected);
  });
});
