/**
 * The files that ship with the package beside dist/: the bundled fonts and the emoji pack. Each is named
 * by its own static `new URL('../…', import.meta.url)`, the pattern webpack, Turbopack, Vite and Next's
 * output file tracing follow, so a bundled or traced app (`output: 'standalone'`) carries them. The paths
 * are right from dist/ and from src/ alike (both one folder below the package root).
 */

/** Files of the package, by their path from its root. */
export type AssetPath =
  | 'fonts/NotoSerifDisplay-Regular.ttf'
  | 'fonts/NotoSerifDisplay-Bold.ttf'
  | 'fonts/NotoSerifDisplay-Italic.ttf'
  | 'fonts/NotoSans-Regular.ttf'
  | 'fonts/NotoSans-Bold.ttf'
  | 'fonts/NotoNaskhArabic-Regular.ttf'
  | 'fonts/NotoNaskhArabic-Bold.ttf'
  | 'fonts/NotoSansHebrew-Regular.ttf'
  | 'fonts/NotoSansHebrew-Bold.ttf';

/** The URL of one of the package's fonts. */
export function assetUrl(path: AssetPath): URL {
  switch (path) {
    case 'fonts/NotoSerifDisplay-Regular.ttf':
      return new URL('../fonts/NotoSerifDisplay-Regular.ttf', import.meta.url);
    case 'fonts/NotoSerifDisplay-Bold.ttf':
      return new URL('../fonts/NotoSerifDisplay-Bold.ttf', import.meta.url);
    case 'fonts/NotoSerifDisplay-Italic.ttf':
      return new URL('../fonts/NotoSerifDisplay-Italic.ttf', import.meta.url);
    case 'fonts/NotoSans-Regular.ttf':
      return new URL('../fonts/NotoSans-Regular.ttf', import.meta.url);
    case 'fonts/NotoSans-Bold.ttf':
      return new URL('../fonts/NotoSans-Bold.ttf', import.meta.url);
    case 'fonts/NotoNaskhArabic-Regular.ttf':
      return new URL('../fonts/NotoNaskhArabic-Regular.ttf', import.meta.url);
    case 'fonts/NotoNaskhArabic-Bold.ttf':
      return new URL('../fonts/NotoNaskhArabic-Bold.ttf', import.meta.url);
    case 'fonts/NotoSansHebrew-Regular.ttf':
      return new URL('../fonts/NotoSansHebrew-Regular.ttf', import.meta.url);
    case 'fonts/NotoSansHebrew-Bold.ttf':
      return new URL('../fonts/NotoSansHebrew-Bold.ttf', import.meta.url);
  }
}

/** The URL of the emoji pack (src/fonts/emoji-pack.ts), on its own so a build that embeds its fonts names only it. */
export function emojiPackUrl(): URL {
  return new URL('../emoji/twemoji.pack', import.meta.url);
}
