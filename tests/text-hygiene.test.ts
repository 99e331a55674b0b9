import { describe, expect, test } from 'vitest';
import { cleanText, MAX_MARKS } from '../src/cards/text-hygiene.js';

const F = 'quote.text';

describe('cleanText: what is removed or replaced', () => {
  const cases: { name: string; input: string; expected: string; warnings: string[] }[] = [
    { name: 'right-to-left override (spoofed file name)', input: 'invoice\u202Egpj.exe', expected: 'invoicegpj.exe', warnings: [`${F}: removed 1 bidirectional control character (U+202E)`] },
    { name: 'embeddings and pop', input: '\u202Aa\u202C \u202Bb\u202C \u202Dc\u202C', expected: 'a b c', warnings: [`${F}: removed 6 bidirectional control characters (U+202A, U+202C, U+202B, U+202D)`] },
    { name: 'isolates', input: '\u2066x\u2069 \u2067y\u2069 \u2068z\u2069', expected: 'x y z', warnings: [`${F}: removed 6 bidirectional control characters (U+2066, U+2069, U+2067, U+2068)`] },
    { name: 'LRM, RLM and ALM', input: 'a\u200Eb\u200Fc\u061Cd', expected: 'abcd', warnings: [`${F}: removed 3 bidirectional control characters (U+200E, U+200F, U+061C)`] },
    { name: 'zero-width space, word joiner, BOM, soft hyphen', input: '\uFEFFpay\u200Bpal\u2060.com soft\u00ADware', expected: 'paypal.com software', warnings: [`${F}: removed 4 zero-width characters (U+FEFF, U+200B, U+2060, U+00AD)`] },
    { name: 'invisible operators', input: 'f\u2061x \u2062 y', expected: 'fx y', warnings: [`${F}: removed 2 zero-width characters (U+2061, U+2062)`] },
    { name: 'stray ZWJ at the start and before a space', input: '\u200Dhello\u200D world', expected: 'hello world', warnings: [`${F}: removed 2 zero-width characters (U+200D)`] },
    { name: 'a run of joiners keeps its last', input: 'a\u200D\u200D\u200C\u200Db', expected: 'a\u200Db', warnings: [`${F}: removed 3 zero-width characters (U+200D, U+200C)`] },
    { name: 'NUL and C0 controls', input: 'a\u0000b\u0007c\u001Bd\u007F', expected: 'abcd', warnings: [`${F}: removed 4 control characters (U+0000, U+0007, U+001B, U+007F)`] },
    { name: 'C1 controls', input: 'a\u0085b\u009Bc', expected: 'abc', warnings: [`${F}: removed 2 control characters (U+0085, U+009B)`] },
    { name: 'many kinds of control named up to five', input: '\u0001\u0002\u0003\u0004\u0005\u0006x', expected: 'x', warnings: [`${F}: removed 6 control characters (U+0001, U+0002, U+0003, U+0004, U+0005, …)`] },
    { name: 'lone high surrogate', input: 'a\uD83Db', expected: 'a\uFFFDb', warnings: [`${F}: replaced 1 unpaired surrogate with U+FFFD`] },
    { name: 'lone low surrogate at the end and reversed pair', input: '\uDE00\uD83Dx\uDC00', expected: '\uFFFD\uFFFDx\uFFFD', warnings: [`${F}: replaced 3 unpaired surrogates with U+FFFD`] },
    { name: 'a joiner before a supplementary noncharacter goes with it (fuzz seed 242523868)', input: '\u201C\u200D\u{10FFFF}', expected: '\u201C', warnings: [`${F}: removed 1 zero-width character (U+200D)`, `${F}: removed 1 noncharacter (U+10FFFF)`] },
    { name: 'invisible format characters no font draws (satori failed on them once Hebrew was loaded)', input: 'a\u{1D173}b\u17B4c \u{1D17A}', expected: 'abc ', warnings: [`${F}: removed 3 zero-width characters (U+1D173, U+17B4, U+1D17A)`] },
    { name: 'Mongolian selectors kept after Mongolian letters only', input: '\u1820\u180B \u1828\u180E\u1820 x\u180B \u180E', expected: '\u1820\u180B \u1828\u180E\u1820 x ', warnings: [`${F}: removed 2 zero-width characters (U+180B, U+180E)`] },
    { name: 'a joiner before a removed selector or format character goes too', input: 'a\u200D\u180Bb a\u200D\u{1D175}', expected: 'ab a', warnings: [`${F}: removed 4 zero-width characters (U+200D, U+180B, U+1D175)`] },
    { name: 'noncharacters (not XML)', input: 'a\uFFFEb\uFFFFc\uFDD0d\u{1FFFF}e', expected: 'abcde', warnings: [`${F}: removed 4 noncharacters (U+FFFE, U+FFFF, U+FDD0, U+1FFFF)`] },
    { name: 'marks are counted after NFC composes', input: `e${'\u0301'.repeat(8)}`, expected: `é${'\u0301'.repeat(MAX_MARKS)}`, warnings: [`${F}: removed 1 combining mark past ${MAX_MARKS} on one character`] },
  { name: 'zalgo: 10,000 marks on one letter', input: `Z${'\u0336'.repeat(10_000)}!`, expected: `Z${'\u0336'.repeat(MAX_MARKS)}!`, warnings: [`${F}: removed ${10_000 - MAX_MARKS} combining marks past ${MAX_MARKS} on one character`] },
    { name: 'zalgo spread over letters', input: 'xq'.replace(/./g, (c) => `${c}\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307`), expected: 'xq'.replace(/./g, (c) => `${c}\u0300\u0301\u0302\u0303\u0304\u0305`), warnings: [`${F}: removed 4 combining marks past ${MAX_MARKS} on one character`] },
    { name: 'marks rejoined after an invisible character between them', input: `x${'\u0301'.repeat(4)}\u200B${'\u0301'.repeat(4)}`, expected: `x${'\u0301'.repeat(MAX_MARKS)}`, warnings: [`${F}: removed 1 zero-width character (U+200B)`, `${F}: removed 2 combining marks past ${MAX_MARKS} on one character`] },
    { name: 'private-use characters (no font draws them)', input: 'a\uE000b\u{F0000}c\u{10D68B}', expected: 'abc', warnings: [`${F}: removed 3 private-use, unassigned or stray tag characters (U+E000, U+F0000, U+10D68B)`] },
    { name: 'unassigned code points and a stray tag (crashed satori\'s shaper)', input: 'x\u{E0000} y\u{E72DB}', expected: 'x y', warnings: [`${F}: removed 2 private-use, unassigned or stray tag characters (U+E0000, U+E72DB)`] },
    { name: 'a variation selector with nothing to select', input: '\uFE0F name \uFE0Fhere', expected: ' name here', warnings: [`${F}: removed 2 zero-width characters (U+FE0F)`] },
    {
      name: 'dropping what stands between two lone surrogates does not pair them into a new character',
      input: '\uD88D\uF4B5\uE8FD\uDFA7x',
      expected: '\uFFFD\uFFFDx',
      warnings: [`${F}: removed 2 private-use, unassigned or stray tag characters (U+F4B5, U+E8FD)`, `${F}: replaced 2 unpaired surrogates with U+FFFD`],
    },
    {
      name: 'several kinds at once: one warning per kind',
      input: '\u202E\u202E“Hi\u0000,”\u200B\uD800',
      expected: '“Hi,”\uFFFD',
      warnings: [`${F}: removed 2 bidirectional control characters (U+202E)`, `${F}: removed 1 control character (U+0000)`, `${F}: removed 1 zero-width character (U+200B)`, `${F}: replaced 1 unpaired surrogate with U+FFFD`],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const out = cleanText(c.input, F);
      expect(out.text).toBe(c.expected);
      expect(out.warnings).toEqual(c.warnings);
    });
  }
});

describe('cleanText: silent normalisation', () => {
  const cases: { name: string; input: string; expected: string }[] = [
    { name: 'CRLF and CR become LF', input: 'one\r\ntwo\rthree\r\n', expected: 'one\ntwo\nthree\n' },
    { name: 'line and paragraph separators become LF', input: 'a\u2028b\u2029c', expected: 'a\nb\nc' },
    { name: 'runs of spaces and tabs collapse, newlines stay', input: 'a   b\t\tc \t d\n\n\ne', expected: 'a b c d\n\n\ne' },
    { name: 'a single tab stays', input: 'a\tb', expected: 'a\tb' },
    { name: 'decomposed Vietnamese composes (NFC)', input: 'Vie\u0323\u0302t', expected: 'Việt' },
    { name: 'decomposed café composes', input: 'cafe\u0301', expected: 'café' },
  ];
  for (const c of cases) {
    test(c.name, () => expect(cleanText(c.input, F)).toEqual({ text: c.expected, warnings: [] }));
  }
});

describe('cleanText: text that must survive unchanged', () => {
  const cases: { name: string; input: string }[] = [
    { name: 'plain English with curly quotes', input: '“We will not back down,” she said — and she didn’t.' },
    { name: 'Vietnamese (ệ has two marks)', input: 'Tiếng Việt có nhiều dấu: nghiêng, ệ, ộ, ặ.' },
    { name: 'pointed Hebrew', input: 'בְּרֵאשִׁית בָּרָא אֱלֹהִים' },
    { name: 'cantillated Hebrew, five marks on one letter', input: 'שָּׁ֑֣לוֹם' },
    { name: 'vocalised Arabic with shadda', input: 'بِسْمِ ٱللَّٰهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ' },
    { name: 'Arabic, right to left', input: 'قال المتحدث إن "الوضع مستقر".' },
    { name: 'Devanagari with conjuncts', input: 'क्षत्रिय संस्कृतम् प्रधानमंत्री ने कहा' },
    { name: 'Thai with tone marks', input: 'ผู้ใหญ่บ้านกล่าวว่า' },
    { name: 'Persian with ZWNJ', input: 'می‌خواهم کتاب‌ها را بخوانم' },
    { name: 'the flag of England (a tag sequence) and an emoji with VS16', input: 'Go 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}! I ❤\uFE0F it' },
    { name: 'emoji ZWJ family', input: 'family 👨‍👩‍👧 here' },
    { name: 'emoji ZWJ with VS16 (heart on fire)', input: '❤️‍🔥' },
    { name: 'skin tones, flags and keycaps', input: '👍🏽 🇵🇰 🇺🇦 1️⃣ 🏴󠁧󠁢󠁳󠁣󠁴󠁿' },
    { name: 'CJK', input: '他说：“我们会继续努力。”日本語のテキスト' },
    { name: 'no-break space and newlines', input: 'Mr.\u00A0Smith\nsaid\n\nso' },
    { name: 'empty string', input: '' },
  ];
  for (const c of cases) {
    test(c.name, () => expect(cleanText(c.input, F)).toEqual({ text: c.input, warnings: [] }));
  }
});

describe('cleanText: the field is named in warnings', () => {
  const cases = [
    { name: 'speaker name', field: 'quote.speaker.name', input: 'Ali\u202E', expected: ['quote.speaker.name: removed 1 bidirectional control character (U+202E)'] },
    { name: 'post author', field: 'post.author.name', input: 'x\u200By', expected: ['post.author.name: removed 1 zero-width character (U+200B)'] },
  ];
  for (const c of cases) test(c.name, () => expect(cleanText(c.input, c.field).warnings).toEqual(c.expected));
});

describe('cleanText: linear time', () => {
  const unit = 'He said “stop\u202E now”\u200B, e\u0301\u0301 Z\u0336\u0336\u0336\u0336\u0336\u0336\u0336\u0336 \u0000 \uD800 👨‍👩‍👧   ok.\r\n';
  const make = (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  const best = (s: string) => {
    let min = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      cleanText(s, F);
      min = Math.min(min, performance.now() - t);
    }
    return min;
  };

  test('1 MB of hostile text in linear time: about 10× the time of 100 KB, and no catastrophic slowdown', () => {
    const small = make(100_000);
    const large = make(1_000_000);
    best(small);
    const tSmall = best(small);
    const tLarge = best(large);
    expect(tLarge).toBeLessThan(400);
    expect(tLarge / Math.max(tSmall, 0.5)).toBeLessThan(20);
  });

  test('10,000 zalgo marks on each of 100 letters', () => {
    const zalgo = `a${'\u0301'.repeat(10_000)}`.repeat(100);
    const t = performance.now();
    const out = cleanText(zalgo, F);
    expect(performance.now() - t).toBeLessThan(800);
    expect(out.text.length).toBe(100 * (1 + MAX_MARKS));
  });
});
