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
  /** Language of the article, a BCP-47 tag such as "fr" or "de-CH". */
  lang?: string;
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
  /** Language (a canonical BCP-47 tag: "fr", "de-CH", "zh-TW"), from the input or the page (`<html lang>`, `og:locale`, Content-Language, JSON-LD `inLanguage`). */
  lang?: string;
  /** Direct quotations, in article order. */
  quotes: Quote[];
  /** Embedded social posts, in article order. */
  posts: Post[];
  /** Anything skipped or doubtful, in words a person can act on. */
  warnings: string[];
}

/** API. Who said a quote. */
export interface Speaker {
  /**
   * Fullest form of the name in the article: "Zalmay Khalilzad", even where the text says "he". For an
   * organisation or an unnamed source, the source as the article gives it ("the Pentagon", "a spokeswoman
   * for Disney"). Absent for a pronoun the article does not resolve (then only `mention` is known).
   */
  name?: string;
  /** Role or title as written: "army spokesperson". */
  role?: string;
  /** The words at the attribution itself: "he", "Khalilzad", "the clown". */
  mention?: string;
  /** What kind of source it is: a named person, an organization ("the Pentagon") or a description ("a spokeswoman for Disney"). */
  kind?: SpeakerKind;
}

/** What kind of source a speaker is: a named person, an organization or a description of someone unnamed. */
export type SpeakerKind = 'person' | 'organization' | 'description';

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
  /** Every piece of a joined quote (“A,” he said. “B.”), in order, each including its quotation marks. */
  parts?: Array<{ start: number; end: number }>;
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
  /** Where the avatar image lives (https), when known; hydration downloads it into `avatar`. */
  avatarUrl?: string;
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
  /** Photos, videos and GIFs attached to the post, in order, when known (hydration fills them in). */
  media?: PostMedia[];
  /** UTF-16 offset into `Extraction.text` where the embed starts. */
  start: number;
  /** UTF-16 offset where the embed ends (exclusive). */
  end: number;
}

/** Anything a card can be made from. */
export type Item = Quote | Post;

/** The fields of a `Quote` that only extraction knows: a quote written by hand may leave them out. */
type QuoteFromArticle = 'partial' | 'start' | 'end' | 'confidence';

/**
 * API. A quote as `renderCard()`, `quoteCard()` and `cardResponse()` take it: a `Quote` from `extract()`, or
 * one written by hand with what the card draws, `{ kind: 'quote', text, speaker? }`. `partial` defaults to
 * `false`; the offsets and `confidence` point into an article and are not drawn.
 */
export interface QuoteInput extends Omit<Quote, QuoteFromArticle>, Partial<Pick<Quote, QuoteFromArticle>> {}

/** The fields of a `Post` that a post written by hand may leave out. */
type PostFromArticle = 'status' | 'links' | 'start' | 'end';

/**
 * API. A post as `renderCard()`, `postCard()` and `cardResponse()` take it: a `Post` from `extract()`, or one
 * written by hand, `{ kind: 'post', network, text?, author? }`. `status` defaults to 'full' when the post
 * has text and 'link-only' when it has none; `links` to `[]`; the offsets point into an article and are not drawn.
 */
export interface PostInput extends Omit<Post, PostFromArticle>, Partial<Pick<Post, PostFromArticle>> {}

/** API. Anything a card can be drawn from: a `Quote` or `Post` as `extract()` returns it, or one written by hand. */
export type ItemInput = QuoteInput | PostInput;

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
  /** Logo image bytes (PNG, JPEG, GIF or WebP; not SVG, which can reference files) drawn in the source line. */
  logo?: Uint8Array;
  /**
   * The quote card's opening mark: “ ('curly'), « ('guillemets'), „ ('low'), 「 ('corner'), none, or
   * 'auto' — the mark of the quote's language, from the card's `locale` (« for French, „ for German,
   * 「 for Japanese, “ for English and any language not known). @default 'curly'
   */
  quoteMarks?: QuoteMarks;
}

/** The quote card's opening mark (see `Theme.quoteMarks`). */
export type QuoteMarks = 'auto' | 'curly' | 'guillemets' | 'low' | 'corner' | 'none';

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
  /** Locale used for dates and, under `quoteMarks: 'auto'`, the quotation mark. @default 'en-US' */
  locale: string;
  /** Site name for the source line, when known. */
  site?: string;
  /** Date (ISO 8601) for the source line, when known. */
  date?: string;
  /** Report something the reader of the card would otherwise lose (truncation, a dropped element). */
  warn(message: string): void;
  /** Mark the card as truncated (text cut to fit). */
  markTruncated(): void;
  /**
   * Image bytes (PNG, JPEG, GIF or WebP) as something satori may draw: a `data:` URL, made after the
   * header, the pixel cap and the body are checked, with the image's size from its header. When the
   * bytes cannot be drawn it returns `undefined` and warns `"<skipped>: <why>"`.
   */
  image(bytes: Uint8Array, field: string, skipped: string): CardImage | undefined;
}

/** An image a template may draw (see `TemplateContext.image`). */
export interface CardImage {
  /** A `data:` URL for `<img src>`. */
  src: string;
  /** Width in px, from the image's header. */
  width: number;
  /** Height in px, from the image's header. */
  height: number;
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
  /** Locale for dates and, under the theme's `quoteMarks: 'auto'`, the quotation mark (pass `Extraction.lang`). @default 'en-US' */
  locale?: string;
  /** Your own template: gets the same context as the built-in ones. */
  template?: (item: Quote | Post, ctx: TemplateContext) => Node;
  /** Extra fonts (TTF/OTF/WOFF/WOFF2 bytes), e.g. for scripts the bundled fonts do not cover. */
  fonts?: FontInput[];
  /** Throw instead of warning on missing glyphs or truncation. @default false */
  strict?: boolean;
  /**
   * PNG compression. 'fast': quotecard's palette encoder, a millisecond or two a card. 'small': that PNG
   * then recompressed losslessly by oxipng, about a quarter smaller for a few hundred ms more a card
   * (docs/performance.md has the figures): for files served many times. @default 'fast'
   */
  compression?: 'fast' | 'small';
  /**
   * Opt in to the network: fill a link-only tweet from the public syndication endpoint and download
   * avatars and media, within the limits given (see `hydratePost`). Off unless set. @default false
   */
  hydrate?: boolean | HydrateOptions;
}

/** API. One drawn card. */
export interface CardResult {
  /** The SVG satori drew. */
  svg: string;
  /** The PNG, unless `format: 'svg'` (`renderCard()`'s own result types say which: `PngCardResult`, `SvgCardResult`). */
  png?: Uint8Array<ArrayBuffer>;
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

/** API. `renderCard()`'s result when it draws a PNG (`format` left out or `'png'`): `png` is there. */
export interface PngCardResult extends CardResult {
  /**
   * The PNG. Its bytes own a plain `ArrayBuffer` (never a shared one), so `new Response(card.png)` and
   * `new Blob([card.png])` take them as they are.
   */
  png: Uint8Array<ArrayBuffer>;
}

/** API. `renderCard()`'s result with `format: 'svg'`: the SVG alone. */
export interface SvgCardResult extends CardResult {
  /** No PNG is drawn for `format: 'svg'`. */
  png?: undefined;
}

/**
 * API. The type of `renderCard()`, the same from "quotecard" and "quotecard/wasm": with `format` left out
 * or 'png' the result has its `png`; with 'svg' it has none; with a `format` known only at run time, either.
 */
export interface RenderCard {
  (item: ItemInput, options?: RenderOptions & { format?: 'png' }): Promise<PngCardResult>;
  (item: ItemInput, options: RenderOptions & { format: 'svg' }): Promise<SvgCardResult>;
  (item: ItemInput, options?: RenderOptions): Promise<PngCardResult | SvgCardResult>;
}

/** What `new Headers()` takes (fetch's `HeadersInit`): a `Headers`, an object of names and values, or `[name, value]` pairs. */
export type CardHeaders = NonNullable<ConstructorParameters<typeof Headers>[0]>;

/** API. Options for `cardResponse()`: those of `renderCard()`, and headers for the response. */
export interface CardResponseOptions extends RenderOptions {
  /**
   * Headers of your own, set over the defaults (Content-Type, Cache-Control, ETag); only Content-Length,
   * the body's own length, cannot be set. @default {}
   */
  headers?: CardHeaders;
}

/** API. The type of `cardResponse()`, the same from "quotecard" and "quotecard/wasm". */
export type CardResponse = (item: ItemInput, options?: CardResponseOptions) => Promise<Response>;

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
  /** Language, a canonical BCP-47 tag. */
  lang?: string;
  /** Embedded posts found by ingest (markup embeds, bare status URLs, flattened embeds), with offsets into `text`. */
  posts: Post[];
  /** What ingest skipped or doubted. */
  warnings: string[];
}

/* --------------------------------------------------------------------- net */

/** A response as a user-supplied fetch returns it; the WHATWG `Response` fits. */
export interface FetchResponseLike {
  /** HTTP status. */
  status: number;
  /** Response headers. */
  headers: { get(name: string): string | null };
  /**
   * The body as a web stream (WHATWG fetch), any async iterable of bytes, or bytes already in memory; with
   * `null`, the response's own `arrayBuffer()` is read when it has one. Read in bounded steps under the
   * request's `timeoutMs` and `maxBytes` whatever it is.
   */
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Uint8Array | ArrayBuffer | null;
}

/** What quotecard passes to a user-supplied fetch for each hop. */
export interface FetchInit {
  method: 'GET';
  headers: Record<string, string>;
  /** Redirects come back to quotecard, which checks and follows them itself. */
  redirect: 'manual';
  /** Aborted on timeout, byte cap, or the caller's own signal. */
  signal: AbortSignal;
}

/** A fetch function: the global `fetch`, undici's, or one going through your proxy. */
export type FetchFunction = (url: string, init: FetchInit) => Promise<FetchResponseLike>;

/** Options shared by `safeFetch` and `hydratePost`. */
export interface NetOptions {
  /**
   * Your own fetch. quotecard still enforces https, the allowlist on every hop (redirects are
   * followed manually), the timeout, the byte cap and the type and pixel checks — but it cannot see
   * which address your fetch connects to: blocking private and metadata addresses is then up to you.
   * @default built-in client on node:https with connect-time address checks
   */
  fetch?: FetchFunction;
  /** Hosts that may be fetched from (see `DEFAULT_ALLOW_HOSTS`); replaces the defaults. @default DEFAULT_ALLOW_HOSTS */
  allowHosts?: string[];
  /** Time for one whole request — connect, redirects and the body — in ms. @default 5000 */
  timeoutMs?: number;
  /** Largest body accepted, in bytes, counted as it arrives (a Content-Length over it is refused before reading; a smaller one is not trusted). @default 5242880 */
  maxBytes?: number;
  /** Most pixels an image may have, read from its header before anything decodes it. @default 16777216 */
  maxPixels?: number;
  /** Most redirects followed per request. @default 3 */
  maxRedirects?: number;
  /** Cancels everything in flight. */
  signal?: AbortSignal;
}

/** Options for `safeFetch`. */
export interface SafeFetchOptions extends NetOptions {
  /** What the body must be: an image (PNG, JPEG, GIF, WebP) or JSON. @default 'image' */
  expect?: 'image' | 'json';
}

/** Options for `hydratePost` (and for the `hydrate` render option). */
export interface HydrateOptions extends NetOptions {
  /**
   * The tweet-result endpoint (`?id=&lang=&token=` are added), e.g. your own caching proxy. Its host
   * must be in `allowHosts`.
   * @default 'https://cdn.syndication.twimg.com/tweet-result'
   */
  apiUrl?: string;
  /** Download the first photo (or video poster) into `media[0].image`. @default true */
  media?: boolean;
}


/** A photo, video or GIF attached to a post. */
export interface PostMedia {
  /** What it is; for video and GIF, `url` is the still (poster) image. */
  type: 'photo' | 'video' | 'gif';
  /** The image (https), or the video's poster image. */
  url: string;
  /** Width in px of the original, when the network says. */
  width?: number;
  /** Height in px of the original, when the network says. */
  height?: number;
  /** Alt text the author gave. */
  alt?: string;
  /** Image bytes (PNG, JPEG, GIF or WebP), when downloaded: hydration fetches the first one. */
  image?: Uint8Array;
}

/* ------------------------------------------------------------------- batch */

/** An article for `renderArticles()`: the fields of `ArticleInput` plus a stable id. */
export interface BatchArticle extends ArticleInput {
  /**
   * Stable, unique name of the article within the batch (the CLI uses the file path). It keys the
   * incremental cache and, without a title, names the files. @default "article-<n>" (1-based position)
   */
  id?: string;
}

/** A theme as the batch takes it: a built-in name or a partial theme over the light one. */
export type ThemeChoice = 'light' | 'dark' | Partial<Theme>;

/** Options for `renderArticles()`. Unknown keys are an error. */
export interface BatchOptions {
  /** Output folder, created when missing. Nothing is ever written outside it. */
  out: string;
  /** Size or sizes every card is drawn in. @default 'og' */
  size?: Size | Size[];
  /** Theme or themes every card is drawn in. @default 'light' */
  theme?: ThemeChoice | ThemeChoice[];
  /** File format or formats written per card (one render gives both). @default 'png' */
  format?: 'png' | 'svg' | Array<'png' | 'svg'>;
  /** Most items per article made into cards, best first (see `pickForCards`). @default 5 */
  max?: number;
  /**
   * Quotes whose `confidence` is below this are left out (counted in the manifest's `found.unsure`): no card
   * beats a wrong name on one. @default the same as `pickForCards()` (chosen on PolNeAR train; docs/quality.md)
   */
  minConfidence?: number;
  /** Worker threads drawing cards. @default os.availableParallelism() */
  concurrency?: number;
  /** Milliseconds one card may take; past it the card fails and its worker is replaced. @default 60000 */
  timeout?: number;
  /** Skip cards whose inputs, options, fonts and library version hash as in the existing manifest. @default true */
  incremental?: boolean;
  /** Write the `index.html` gallery. @default true */
  gallery?: boolean;
  /** URL the output folder is served from, for the og:image snippets and `ManifestFile.url`. @default '' (relative) */
  baseUrl?: string;
  /** Site name for the source line when the article gives none. */
  site?: string;
  /** Locale for dates and `quoteMarks: 'auto'` for every card. @default each article's language (`Extraction.lang`), else 'en-US' */
  locale?: string;
  /** Extra fonts, sent to each worker once. */
  fonts?: FontInput[];
  /** Fail a card (instead of warning) on missing glyphs or truncation. @default false */
  strict?: boolean;
  /** PNG compression, as for `renderCard()`: 'small' is about a quarter smaller and much slower. @default 'fast' */
  compression?: 'fast' | 'small';
  /** Passed to `extract()`. @default 3 */
  minWords?: number;
  /** Replace a worker after it has drawn this many cards, returning its native memory (0: never). @default 0 */
  recycleAfter?: number;
  /** Called as articles and cards finish. */
  onProgress?: (progress: BatchProgress) => void;
}

/** How far a batch has got. */
export interface BatchProgress {
  /** Articles whose cards are all settled. */
  articlesDone: number;
  /** Articles in the batch. */
  articlesTotal: number;
  /** Cards settled (rendered, reused or failed). */
  cardsDone: number;
  /** Cards known so far (grows as articles are read). */
  cardsKnown: number;
  /** Cards drawn in this run. */
  rendered: number;
  /** Cards reused from the existing manifest. */
  cached: number;
  /** Cards that failed. */
  failed: number;
  /** Milliseconds since the batch started. */
  elapsedMs: number;
}

/** Something that did not get made. */
export interface BatchFailure {
  /** Id of the article. */
  article: string;
  /** Id of the card, for a card failure. */
  card?: string;
  /** Where it failed. */
  stage: 'extract' | 'render' | 'write';
  /** error: a thrown error; crash: the worker died; timeout: past `timeout`. */
  reason: 'error' | 'crash' | 'timeout';
  /** What went wrong, in words. */
  message: string;
}

/** One written file of a card. */
export interface ManifestFile {
  format: 'png' | 'svg';
  /** File name inside the output folder. */
  path: string;
  /** `baseUrl` + path. */
  url: string;
  /** Size in bytes. */
  bytes: number;
}

/** One card in the manifest. */
export interface ManifestCard {
  /** `<article slug>-<kind>-<index>-<size>-<theme>-<hash8>`: also the stem of its file names. */
  id: string;
  kind: Item['kind'];
  /** 1-based position among the article's cards of this kind, best first. */
  index: number;
  /** The quote or post, as JSON (avatar bytes left out). */
  item: Item;
  /** Size name ("og", or "1000x500" for explicit pixels). */
  size: string;
  /** Theme name ("light", "dark", or the custom theme's name). */
  theme: string;
  /** Pixel dimensions. */
  width: number;
  height: number;
  /** Alt text. */
  alt: string;
  /** SHA-256 of everything the card is drawn from (item, options, fonts, library version). */
  hash: string;
  /** rendered: drawn in this run; cached: reused; failed: see `error`. */
  status: 'rendered' | 'cached' | 'failed';
  files: ManifestFile[];
  truncated: boolean;
  warnings: string[];
  /** Why it failed. */
  error?: string;
}

/** One article in the manifest. */
export interface ManifestArticle {
  id: string;
  /** Safe slug its file names start with. */
  slug: string;
  title?: string;
  site?: string;
  url?: string;
  publishedAt?: string;
  /** Language, a BCP-47 tag (`Extraction.lang`). */
  lang?: string;
  /** SHA-256 of the article input and every option that shapes its cards. */
  hash: string;
  /**
   * Quotes and posts extraction found (before picking), and how many quotes were left out because their
   * speaker is not sure enough for a card (`confidence` below `minConfidence`).
   */
  found: { quotes: number; posts: number; unsure: number };
  warnings: string[];
  cards: ManifestCard[];
  /** Why an article that was read has no card: no body, nothing quoted, no speaker sure enough… */
  noCards?: string;
  /** Why the article could not be read. */
  error?: string;
}

/** `manifest.json`. */
export interface Manifest {
  /** Bumped on any incompatible change. */
  schemaVersion: 1;
  generator: { name: 'quotecard'; version: string };
  /** The sizes, themes and formats asked for. */
  options: { sizes: string[]; themes: string[]; formats: Array<'png' | 'svg'>; max: number };
  articles: ManifestArticle[];
  failures: BatchFailure[];
  /** Notes about the run itself (an unreadable earlier manifest, files that could not be removed). */
  warnings: string[];
}

/** What `renderArticles()` returns. */
export interface BatchResult {
  /** The manifest as written. */
  manifest: Manifest;
  /** Every card, in article order. */
  cards: ManifestCard[];
  /** Everything that failed (also in the manifest). */
  failures: BatchFailure[];
  stats: { articles: number; cards: number; rendered: number; cached: number; failed: number; seconds: number };
  /** Absolute paths written. */
  paths: { out: string; manifest: string; gallery?: string };
}

/* ------------------------------------------------------------------- queue */

/**
 * Where a queue's workers put card files, and how they find one already there: a shared folder
 * (`WorkerOptions.out`, the built-in file-system store) or your own, e.g. an S3-compatible bucket
 * through your own client (docs/scale.md). Names are the manifest's file paths (`<card id>.png`) and,
 * for what the worker learnt drawing a card, `.quotecard/<card hash>.json`.
 */
export interface CardStore {
  /** Whether a file of this name is stored. */
  has(name: string): Promise<boolean>;
  /** Store a file (replacing one of the same name). */
  put(name: string, data: Uint8Array): Promise<void>;
  /** A stored file's bytes, or undefined; without it, a card whose job is retried is drawn again. */
  get?(name: string): Promise<Uint8Array | undefined>;
}

/** Options for `enqueueArticles()`: where the queue is, and the card options of `renderArticles()`. Unknown keys are an error. */
export interface QueueOptions {
  /** The Redis the queue lives on: `redis://[user:password@]host[:port][/db]` or `rediss://…` (TLS). */
  queue: string;
  /** Name of the queue (workers must use the same). @default 'quotecard' */
  name?: string;
  /** Size or sizes every card is drawn in. @default 'og' */
  size?: Size | Size[];
  /** Theme or themes every card is drawn in. @default 'light' */
  theme?: ThemeChoice | ThemeChoice[];
  /** File format or formats stored per card. @default 'png' */
  format?: 'png' | 'svg' | Array<'png' | 'svg'>;
  /** Most items per article made into cards, best first. @default 5 */
  max?: number;
  /** Quotes whose `confidence` is below this are left out. @default as `pickForCards()` */
  minConfidence?: number;
  /** Site name for the source line when the article gives none. */
  site?: string;
  /** Locale for dates and `quoteMarks: 'auto'`. @default each article's language */
  locale?: string;
  /** Fail a card (instead of warning) on missing glyphs or truncation. @default false */
  strict?: boolean;
  /** PNG compression, as for `renderCard()`. @default 'fast' */
  compression?: 'fast' | 'small';
  /** Passed to `extract()`. @default 3 */
  minWords?: number;
  /**
   * The fonts the cards are drawn with, as `renderArticles()` takes them: they count in each card's hash, and a
   * job names them (name, weight, style and a digest of the bytes; the bytes stay here). Every worker must be
   * started with the same fonts (`WorkerOptions.fonts`); one without them fails the card naming the font.
   */
  fonts?: FontInput[];
  /**
   * Draw the cards with this template of the workers' `templates` module (its export name) instead of the
   * built-in ones. The name counts in each card's hash: give a changed template a new name to draw its cards again.
   */
  template?: string;
  /** Tries per card before it ends failed (a worker that dies mid-card counts as one). @default 3 */
  attempts?: number;
  /** Milliseconds before the first retry; each further retry waits twice as long. @default 1000 */
  backoff?: number;
  /** Wait until every card is drawn or failed, and assemble the manifest. @default false */
  wait?: boolean;
  /** With `wait`: write `manifest.json` and `index.html` here (the folder the workers store into). */
  out?: string;
  /** With `wait`: URL the cards are served from, for `ManifestFile.url`. @default '' (relative) */
  baseUrl?: string;
  /** Called as cards settle, with `wait`. */
  onProgress?: (progress: QueueProgress) => void;
}

/** How far the cards of one `enqueueArticles()` call have got. */
export interface QueueProgress {
  /** Cards of this call. */
  cards: number;
  /** Cards drawn (or found drawn) so far. */
  done: number;
  /** Cards that ended failed. */
  failed: number;
  /** Milliseconds since the cards were enqueued. */
  elapsedMs: number;
}

/** What `enqueueArticles()` returns. */
export interface EnqueueResult {
  /** Articles read. */
  articles: number;
  /** Cards those articles need. */
  cards: number;
  /** Jobs added to the queue. */
  added: number;
  /** Cards whose job (same content hash) was already in the queue: not added again. */
  existing: number;
  /** Articles that could not be read; with `wait`, failed cards too. */
  failures: BatchFailure[];
  /** With `wait`: the manifest assembled from the jobs' results. */
  manifest?: Manifest;
  /** With `wait` and `out`: the files written. */
  paths?: { manifest: string; gallery: string };
}

/** Options for `startWorker()`. Unknown keys are an error. */
export interface WorkerOptions {
  /** The Redis the queue lives on (as `QueueOptions.queue`). */
  queue: string;
  /** Name of the queue. @default 'quotecard' */
  name?: string;
  /** Folder to store cards in (the built-in file-system store); give this or `store`. */
  out?: string;
  /** Your own store (an S3-compatible bucket…); give this or `out`. */
  store?: CardStore;
  /** Cards drawn at once, each in a process of its own. @default os.availableParallelism() */
  concurrency?: number;
  /**
   * Fonts this worker's processes load once: the fonts the enqueuers pass (`QueueOptions.fonts`). A card is
   * drawn with exactly the fonts its job names. @default the `fonts` export of the `templates` module, else none
   */
  fonts?: FontInput[];
  /**
   * Path or file URL of an ES module whose exported functions are templates, by export name
   * (`export function brand(item, ctx) { … }`), for cards enqueued with `template`. Each drawing process
   * imports it; its `fonts` export, when there is one, gives the fonts when `fonts` is not set.
   */
  templates?: string;
  /** Milliseconds one card may take; past it the try fails and its process is replaced. @default 60000 */
  timeout?: number;
  /** Milliseconds after which the job of a worker that stopped answering (killed, frozen) is given to another. @default 30000 */
  stalledAfter?: number;
  /** Called after each card this worker settles. */
  onCard?: (event: { id: string; hash: string; status: 'rendered' | 'cached' | 'failed'; message?: string }) => void;
}

/** A running worker: `close()` lets the cards in hand finish, then stops. */
export interface QueueWorker {
  close(): Promise<void>;
}

/**
 * Options for `cleanQueue()`: what to remove from a queue's Redis. Give `done`, `failed` or both (with
 * `olderThan`), or `obliterate` alone. Unknown keys are an error.
 */
export interface CleanOptions {
  /** The Redis the queue lives on (as `QueueOptions.queue`). */
  queue: string;
  /** Name of the queue. @default 'quotecard' */
  name?: string;
  /**
   * Remove the jobs of drawn cards (their results go with them), and the articles none of whose cards is
   * left. Enqueueing such a card again adds its job again; a worker then finds its files in the store and does
   * not draw it (a store without `get` draws it again).
   */
  done?: boolean;
  /** Remove the jobs of failed cards, so that enqueueing them again tries them again. */
  failed?: boolean;
  /** With `done` or `failed`: only jobs that finished at least this many ms ago. @default 0 */
  olderThan?: number;
  /** Remove the whole queue: every job in every state, the articles and the counters (BullMQ's `obliterate`). */
  obliterate?: boolean;
  /** With `obliterate`: even while workers hold cards (they finish them into nothing). @default false */
  force?: boolean;
}

/** What `cleanQueue()` removed. */
export interface CleanResult {
  /** Jobs of drawn cards removed. */
  done: number;
  /** Jobs of failed cards removed. */
  failed: number;
  /** Articles removed (none of their cards' jobs left, or none planned and enqueued before `olderThan`). */
  articles: number;
  /** The whole queue was removed. */
  obliterated: boolean;
}
