/**
 * Which optional @fontsource package draws a Unicode script (docs/fonts.md has the table), for the error
 * that refuses a card whose text no loaded font can draw.
 */

const PACKAGES: Record<string, string> = {
  Han: '@fontsource/noto-sans-sc (Simplified Chinese; -tc, -hk for Traditional, -jp for Japanese)',
  Hiragana: '@fontsource/noto-sans-jp',
  Katakana: '@fontsource/noto-sans-jp',
  Hangul: '@fontsource/noto-sans-kr',
  Arabic: '@fontsource/noto-sans-arabic',
  Hebrew: '@fontsource/noto-sans-hebrew',
  Devanagari: '@fontsource/noto-sans-devanagari',
  Bengali: '@fontsource/noto-sans-bengali',
  Tamil: '@fontsource/noto-sans-tamil',
  Malayalam: '@fontsource/noto-sans-malayalam',
  Kannada: '@fontsource/noto-sans-kannada',
  Thai: '@fontsource/noto-sans-thai',
  Armenian: '@fontsource/noto-sans-armenian',
  Georgian: '@fontsource/noto-sans-georgian',
  Khmer: '@fontsource/noto-sans-khmer',
  Myanmar: '@fontsource/noto-sans-myanmar',
};

/** The package to install for `script`, or undefined when none is known. */
export function packageForScript(script: string): string | undefined {
  return PACKAGES[script];
}
