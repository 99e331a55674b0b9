/** Fonts, scripts and emoji: what the render stage and the templates use. */
export type { SatoriFont } from './asset-loader.js';
export { bundledFaces, SANS_FAMILY, SERIF_FAMILY } from './bundled.js';
export { emojiImage, isEmoji, twemojiNames } from './emoji.js';
export type { Face, FontWeight } from './face.js';
export { checkFontBytes, describeBytes } from './font-bytes.js';
export { type FontPlan, fontPlan } from './font-plan.js';
export { glyphWarning, type MissingGlyphs, missingGlyphs } from './missing-glyphs.js';
export { OPTIONAL_PACKAGES } from './optional-fonts.js';
export { ARABIC_FAMILY, HEBREW_FAMILY } from './script-fonts.js';
export { scriptName } from './script-name.js';
