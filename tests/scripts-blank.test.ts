/**
 * No blank cards: a quote in Chinese, Japanese, Korean, Thai or Devanagari is refused with a typed
 * `FontError` naming the package that draws it when no loaded font has its letters, and drawn — text you
 * can see on the picture — when that package is installed (the @fontsource packages are devDependencies).
 * "Without" runs in a child process whose node_modules holds everything but @fontsource (symlinks, kept
 * as such with --preserve-symlinks), so the same sources find no optional font.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FontError, renderCard } from '../src/index.js';
import type { Quote } from '../src/types.js';

const QUOTES: Record<string, { text: string; name: string; pkg: string }> = {
  Chinese: { text: '我们将在冬季之前修好这座桥，这是我们对市民的承诺。', name: '王伟', pkg: '@fontsource/noto-sans-sc' },
  Japanese: { text: '私たちは冬が来る前にこの橋を直します。', name: '山田太郎', pkg: '@fontsource/noto-sans-' },
  Korean: { text: '우리는 겨울이 오기 전에 이 다리를 고칠 것입니다.', name: '김민수', pkg: '@fontsource/noto-sans-kr' },
  Thai: { text: 'เราจะซ่อมสะพานนี้ก่อนฤดูหนาว', name: 'สมชาย ใจดี', pkg: '@fontsource/noto-sans-thai' },
  Devanagari: { text: 'हम सर्दियों से पहले इस पुल की मरम्मत करेंगे।', name: 'राहुल शर्मा', pkg: '@fontsource/noto-sans-devanagari' },
};

const quote = (text: string, name: string): Quote => ({ kind: 'quote', text, speaker: { name }, partial: false, start: 0, end: 0, confidence: 0.95 });

/** Pixels much darker than the light theme's background in the area the quote's text is set in. */
function inkInTextArea(png: Uint8Array): number {
  const image = PNG.sync.read(Buffer.from(png));
  let ink = 0;
  for (let y = 150; y < 420; y++) {
    for (let x = 200; x < 1150; x++) {
      const i = (y * image.width + x) * 4;
      const lum = 0.2126 * (image.data[i] as number) + 0.7152 * (image.data[i + 1] as number) + 0.0722 * (image.data[i + 2] as number);
      if (lum < 110) ink++;
    }
  }
  return ink;
}

describe('quotes in scripts the bundled fonts do not draw', () => {
  for (const [script, q] of Object.entries(QUOTES)) {
    test(`${script}, with its @fontsource package installed: drawn, text on the picture, no warning`, async () => {
      const card = await renderCard(quote(q.text, q.name));
      expect(card.warnings).toEqual([]);
      expect(inkInTextArea(card.png as Uint8Array)).toBeGreaterThan(4000);
    });
  }

  test('no Latin full stop after a sentence ended in its own script; the script’s stop where one is added', async () => {
    expect((await renderCard(quote('我们将修好这座桥。', '王伟'), { format: 'svg' })).alt).not.toMatch(/。\./u);
    expect((await renderCard(quote('हम इस पुल की मरम्मत करेंगे।', 'राहुल'), { format: 'svg' })).alt).not.toMatch(/।\./u);
    expect((await renderCard(quote('我们将修好这座桥，', '王伟'), { format: 'svg' })).alt).toMatch(/这座桥。/u);
  });

  describe('without the packages', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'quotecard-nofonts-'));
      const root = process.cwd();
      for (const name of ['src', 'fonts', 'package.json']) symlinkSync(join(root, name), join(dir, name));
      mkdirSync(join(dir, 'node_modules'));
      for (const name of readdirSync(join(root, 'node_modules'))) {
        if (name !== '@fontsource') symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
      }
      writeFileSync(
        join(dir, 'probe.mts'),
        `import { renderCard } from './src/index.ts';
const quotes = JSON.parse(process.argv[2]);
const out = {};
for (const [script, q] of Object.entries(quotes)) {
  try { await renderCard({ kind: 'quote', text: q.text, speaker: { name: q.name }, partial: false, start: 0, end: 0, confidence: 0.95 }); out[script] = 'drawn'; }
  catch (e) { out[script] = { name: e.name, code: e.code, field: e.field, allowed: e.allowed, message: e.message, isFontError: e instanceof (await import('./src/index.ts')).FontError }; }
}
console.log(JSON.stringify(out));
`,
      );
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('each is a FontError naming the script and its package, never a blank card', { timeout: 120_000 }, async () => {
      const { stdout } = await promisify(execFile)(process.execPath, ['--preserve-symlinks', '--import', 'tsx', 'probe.mts', JSON.stringify(QUOTES)], { cwd: dir, timeout: 110_000 });
      const out = JSON.parse(stdout.trim().split('\n').pop() as string) as Record<string, { code: string; field: string; allowed: string; message: string; isFontError: boolean }>;
      for (const [script, q] of Object.entries(QUOTES)) {
        expect(out[script], script).toMatchObject({ code: 'script-unsupported', field: 'fonts', isFontError: true });
        expect(out[script]?.allowed, script).toContain(q.pkg);
      }
      expect(out.Chinese?.message).toMatch(/^No loaded font draws the quote's text \(Han\)/);
      expect(out.Thai?.message).toMatch(/\(Thai\)/);
    });
  });

  test('a Latin quote with a few characters no font has still draws, with a warning', async () => {
    const card = await renderCard(quote('The bridge opens on Friday, said the mayor, ꯀꯁ and all.', 'Ada Lovelace'), { format: 'svg' });
    expect(card.warnings.join(' ')).toMatch(/No font has glyphs for/);
    await expect(renderCard(quote('ꯀꯁꯂꯃꯄꯅꯆꯇꯈꯉꯊꯋ', 'Ada Lovelace'), { format: 'svg' })).rejects.toBeInstanceOf(FontError);
  });
});
