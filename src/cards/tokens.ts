/**
 * Design tokens that are not colours of a theme: type scales per template, spacing ratios, safe areas,
 * and the fixed colours of third-party marks (network brands, initials discs). Templates read these
 * and the theme, never literals.
 */
import type { Network } from '../types.js';

/** Type scales in px at 1200 px wide, largest first. Text fitting picks the largest that fits. */
export const TYPE_SCALE = {
  /** The quote itself (serif display). */
  quote: [72, 64, 56, 50, 44, 40, 36, 32, 28, 24],
  /** A post's text (sans). */
  post: [46, 42, 38, 34, 31, 28, 26, 24, 22, 20],
} as const;

/** Line height of each kind of text, as a ratio of the font size. */
export const LINE_HEIGHT = {
  quote: 1.2,
  post: 1.35,
  ui: 1.3,
} as const;

/** Sizes of the secondary text, as a ratio of the card's width (so they scale with it). */
export const UI_TEXT = {
  /** Speaker name / display name. */
  name: 0.026,
  /** Role, handle, source line, date. */
  meta: 0.021,
  /** Small print: "View post on X", pills. */
  small: 0.019,
} as const;

/**
 * Story cards keep their content out of the bands the app's own interface covers (top and bottom
 * ~250 px at 1920 tall), as a ratio of the height.
 */
export const STORY_SAFE = 0.13;

/** Brand colours of the networks' marks (the marks themselves are drawn in network-marks.tsx). */
export const NETWORK_COLORS: Readonly<Record<Network, string | 'foreground'>> = {
  twitter: 'foreground',
  bluesky: '#1185fe',
  mastodon: '#6364ff',
  threads: 'foreground',
  instagram: '#e1306c',
};

/** Human names of the networks, for alt text and "View post on …" lines. */
export const NETWORK_NAMES: Readonly<Record<Network, string>> = {
  twitter: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  threads: 'Threads',
  instagram: 'Instagram',
};

/** Fill of the verified badge. */
export const VERIFIED_COLOR = '#1d9bf0';

/** Backgrounds of initials discs, picked by a hash of the handle; text on them is white. */
export const AVATAR_COLORS = ['#b5523b', '#2f6f8f', '#6b5b95', '#3f7d4e', '#a4643c', '#8a3e63', '#3c6e71', '#7a6a2f'] as const;

/** Text colour on initials discs and inside marks. */
export const ON_COLOR = '#ffffff';

/** Sizes of drawn elements in design px (multiplied by the frame's type scale). */
export const ELEMENT = {
  /** Width of the quote card's quotation mark. */
  quoteMark: 92,
  /** The short accent rule above a byline: length and thickness. */
  ruleLength: 64,
  ruleThickness: 5,
  /** Avatar diameter on post cards. */
  avatar: 84,
  /** Network mark on post cards (header) and on compact cards. */
  mark: 44,
  markLarge: 84,
  /** Logo height in the source line. */
  logo: 40,
  /** Space between blocks. */
  gap: 28,
} as const;
