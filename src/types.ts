/**
 * Types that cross the pipeline's stages: article → ingest → extract → cards → render.
 * The names and shapes marked "API" are fixed points (see the README's API section):
 * fields may be added, never renamed or removed.
 */

/* ------------------------------------------------------------------ extract */

/** API. An article given as an object. Fields given here override what the page itself says. */
export interface ArticleInput {
  /** The page or article HTML. */
  html?: string;
  /** Or plain text, paragraphs separated by line breaks. */
  text?: string;
  /** Canonical URL of the article. */
  url?: string;
  /** Site name, e.g. "GVS News". */
  site?: string;
  /** Headline. */
  title?: string;
  /** Publication date, ISO 8601. */
  publishedAt?: string;
}

/** API. Options for `extract()`. */
export interface ExtractOptions {
  /**
   * The fewest words a quotation must have to count as a quote (shorter ones are scare quotes or terms).
   * @default 3
   */
  minWords?: number;
}

/** API. What `extract()` found in one article. */
export interface Extraction {
  /** The article's plain text; for `text` input it is that string unchanged. Offsets point into it. */
  text: string;
  /** Headline, from the input or the page's meta tags. */
  title?: string;
  /** Site name, from the input or the page's meta tags. */
  site?: string;
  /** Canonical URL, from the input or the page. */
  url?: string;
  /** Publication date (ISO 8601), from the input or the page. */
  publishedAt?: string;
  /** Direct quotations, in article order. */
  quotes: Quote[];
  /** Embedded social posts, in article order. */
  posts: Post[];
  /** Anything skipped or doubtful, in words a person can act on. */
  warnings: string[];
}

/** API. Who said a quote. */
export interface Speaker {
  /** Fullest form of the name in the article: "Zalmay Khalilzad", even where the text says "he". */
  name: string;
  /** Role or title as written: "army spokesperson". */
  role?: string;
  /** The words at the attribution itself: "he", "Khalilzad", "the clown". */
  mention?: string;
}

/** API. A direct quotation. */
export interface Quote {
  kind: 'quote';
  /** The quoted words, without the enclosing quotation marks. */
  text: string;
  /** Who said it, when the article says. */
  speaker?: Speaker;
  /** The reporting verb as written: "said", "added", "stressed". */
  cue?: string;
  /** The channel when stated: "tweet", "Twitter", "statement". */
  via?: string;
  /** A fragment set inside the writer's own sentence. */
  partial: boolean;
  /** UTF-16 offset into `Extraction.text` of the quoted span, including its quotation marks (split quote: first part). */
  start: number;
  /** UTF-16 end offset (exclusive) of the quoted span. */
  end: number;
  /** 0..1: how sure extraction is of the quote and its speaker. */
  confidence: number;
}

/** The networks a post can come from. */
export type Network = 'twitter' | 'bluesky' | 'mastodon' | 'threads' | 'instagram';

/** API. Who wrote a post. */
export interface PostAuthor {
  /** Display name. */
  name?: string;
  /** Handle without the leading "@". */
  handle?: string;
  /** Avatar image bytes (PNG, JPEG, GIF or WebP); without them the card draws an initials disc. */
  avatar?: Uint8Array;
  /** Whether the network shows a verified badge. */
  verified?: boolean;
}

/** API. An embedded social post. */
export interface Post {
  kind: 'post';
  /** The network the post lives on. */
  network: Network;
  /** full: text known; link-only: only a link or id; unavailable: deleted or withheld. */
  status: 'full' | 'link-only' | 'unavailable';
  /** The network's post id, as a string. */
  id?: string;
  /** Permalink. */
  url?: string;
  /** Who wrote it. */
  author?: PostAuthor;
  /** The post's words, line breaks kept, trailing t.co media links removed into `links`. */
  text?: string;
  /** ISO 8601 date (YYYY-MM-DD) as printed in the embed. */
  date?: string;
  /** Links in the post, in order. */
  links: string[];
  /** UTF-16 offset into `Extraction.text` where the embed starts. */
  start: number;
  /** UTF-16 offset where the embed ends (exclusive). */
  end: number;
}

/** Anything a card can be made from. */
export type Item = Quote | Post;

/* ------------------------------------------------------------------- cards */

/** A node of the element tree satori draws: `{ type, props }`, as JSX compiles to. */
export interface Node {
  /** An HTML-like tag satori knows: "div", "span", "img", "svg", "path", … */
  type: string;
  /** Attributes, `style`, and `children`. */
  props: NodeProps;
  /** Present for compatibility with satori's React-element check. */
  key?: string | number | null;
}

/** Props of a node. */
export interface NodeProps {
  /** Child nodes or text. */
  children?: Child | Child[];
  /** Inline style (satori's CSS subset). */
  style?: Record<string, unknown>;
  [attribute: string]: unknown;
}

/** What may stand as a child of a node. */
export type Child = Node | string | number | boolean | null | undefined | Child[];

/** Preset card sizes. */
export type SizeName = 'og' | 'square' | 'portrait' | 'story';

/** A card size: a preset or explicit pixel dimensions. */
export type Size = SizeName | { width: number; height: number };

/** The visual tokens every template reads. Templates use these, never literals. */
export interface Theme {
  /** Name of the theme, for alt text and file names. */
  name: string;
  /** Card background. */
  background: string;
  /** Raised surface (the post card's panel). */
  surface: string;
  /** Main text. */
  foreground: string;
  /** Secondary text: roles, dates, source lines. */
  muted: string;
  /** Accent: the quotation mark, links, mentions and rules. */
  accent: string;
  /** Hairlines and borders. */
  border: string;
  /** Font family names, matching `FontInput.name` of loaded fonts. */
  fonts: {
    /** Display face for quotes. */
    serif: string;
    /** Face for names, posts and UI text. */
    sans: string;
  };
  /** Corner radius of panels and the card, in px at 1200 wide. */
  radius: number;
  /** Site name printed in the source line when the item or options give none. */
  site?: string;
  /** Logo image bytes (PNG, JPEG or SVG) drawn in the corner. */
  logo?: Uint8Array;
}

/** API. A font the caller passes in. */
export interface FontInput {
  /** Family name templates refer to; use a built-in family ("Quotecard Serif"/"Quotecard Sans") to extend it. */
  name: string;
  /** TTF, OTF, WOFF or WOFF2 bytes. */
  data: Uint8Array | ArrayBuffer;
  /** @default 400 */
  weight?: 100 | 200 | 300 | 400 | 500 | 600 | 700 | 800 | 900;
  /** @default 'normal' */
  style?: 'normal' | 'italic';
  /** BCP-47 language or script tag the font is for, e.g. "ar", "ja-JP"; helps pick it for that script. */
  lang?: string;
}

/** Text measurement against the loaded fonts, handed to templates. */
export interface Measurer {
  /** Advance width in px of `text` set in `family` at `fontSize` and `weight`. */
  width(text: string, font: { family: string; fontSize: number; weight?: number }): number;
}

/** What a template receives besides the item. */
export interface TemplateContext {
  /** The resolved theme (defaults filled in). */
  theme: Theme;
  /** Card size in px, and the preset name when one was used. */
  size: { width: number; height: number; name?: SizeName };
  /** Text measurement with the fonts the card will be drawn with. */
  measure: Measurer;
  /** Locale used for dates. @default 'en-US' */
  locale: string;
  /** Site name for the source line, when known. */
  site?: string;
  /** Date (ISO 8601) for the source line, when known. */
  date?: string;
  /** Report something the reader of the card would otherwise lose (truncation, a dropped element). */
  warn(message: string): void;
  /** Mark the card as truncated (text cut to fit). */
  markTruncated(): void;
}

/* ------------------------------------------------------------------ render */

/** API. Options for `renderCard()`, `quoteCard()` and `postCard()`. */
export interface RenderOptions {
  /** og 1200×630, square 1080×1080, portrait 1080×1350, story 1080×1920, or explicit pixels. @default 'og' */
  size?: Size;
  /** A built-in theme or a partial theme laid over the light theme. @default 'light' */
  theme?: 'light' | 'dark' | Partial<Theme>;
  /** png (default) also returns the svg. @default 'png' */
  format?: 'png' | 'svg';
  /** Site name for the quote card's source line. */
  site?: string;
  /** Date for the source line (ISO 8601). */
  date?: string;
  /** Locale for dates. @default 'en-US' */
  locale?: string;
  /** Your own template: gets the same context as the built-in ones. */
  template?: (item: Quote | Post, ctx: TemplateContext) => Node;
  /** Extra fonts (TTF/OTF/WOFF/WOFF2 bytes), e.g. for scripts the bundled fonts do not cover. */
  fonts?: FontInput[];
  /** Throw instead of warning on missing glyphs or truncation. @default false */
  strict?: boolean;
}

/** API. One drawn card. */
export interface CardResult {
  /** The SVG satori drew. */
  svg: string;
  /** The PNG, unless `format: 'svg'`. */
  png?: Uint8Array;
  /** Width in px. */
  width: number;
  /** Height in px. */
  height: number;
  /** Alt text a screen reader can use. */
  alt: string;
  /** Whether text was cut to fit. */
  truncated: boolean;
  /** Missing glyphs, truncation, dropped elements. */
  warnings: string[];
}

/* ------------------------------------------------------------------ ingest */

/** A block of the article's plain text: where a paragraph, heading, list item or blockquote stands. */
export interface Block {
  /** What the block was in the page ("p" for plain-text lines). */
  kind: 'p' | 'heading' | 'blockquote' | 'li' | 'caption';
  /** UTF-16 offset into `Article.text`. */
  start: number;
  /** End offset (exclusive). */
  end: number;
}

/** The article as ingest hands it to extraction: plain text, its blocks, metadata and the posts found in the markup. */
export interface Article {
  /** Plain text. For text input it is the input unchanged; for HTML, blocks joined by "\n". */
  text: string;
  /** Blocks in order; quotes are looked for inside these, never across a post's range. */
  blocks: Block[];
  /** Headline. */
  title?: string;
  /** Site name. */
  site?: string;
  /** Canonical URL. */
  url?: string;
  /** Publication date, ISO 8601. */
  publishedAt?: string;
  /** Embedded posts found by ingest (markup embeds, bare status URLs, flattened embeds), with offsets into `text`. */
  posts: Post[];
  /** What ingest skipped or doubted. */
  warnings: string[];
}
