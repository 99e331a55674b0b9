/**
 * PolNeAR (../shared/data/polnear, see its README): real news articles with every attribution labelled in
 * brat standoff format. Read here into the direct quotations `npm run eval` scores extraction on: each
 * attribution whose Content has a piece opening with a quotation mark, with its pieces and its Source.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A span of the article, [start, end). */
export type Span = [number, number];

/** One direct quotation as the annotators labelled it. */
export interface GoldQuote {
  /** The Content's pieces (a quote split around its attribution has two or more). */
  pieces: Span[];
  /** The pieces that open with a quotation mark: the quoted words themselves. */
  quoted: Span[];
  /** The Source's words at the attribution ("he", "Mr. Clyburn", "a spokeswoman for Disney"), if labelled. */
  source?: { spans: Span[]; text: string };
  /** The Cue ("said"), if labelled. */
  cue?: string;
}

/** One article. */
export interface GoldArticle {
  /** The file name without extension. */
  name: string;
  text: string;
  quotes: GoldQuote[];
  /** Every labelled Content's pieces, direct or not (a fragment inside reported speech lies in one). */
  contents: Span[];
}

/** Where the corpus is: the folder given, else ../shared/data/polnear beside the checkout. */
export function polnearFolder(given?: string): string {
  return given ?? join(process.cwd(), '..', 'shared', 'data', 'polnear');
}

const OPENS_QUOTED = /^\s*(?:[“"‘«„]|''|'(?=\p{L}))/u;

/** Read one split (`train` or `dev`); undefined when the corpus is not there. */
export function readSplit(folder: string, split: 'train' | 'dev'): GoldArticle[] | undefined {
  const dir = join(folder, split);
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readArticle(join(dir, f.slice(0, -4)), f.slice(0, -4)));
}

function readArticle(path: string, name: string): GoldArticle {
  const text = readFileSync(`${path}.txt`, 'utf8');
  const spans = new Map<string, { type: string; spans: Span[] }>();
  const events: Array<Record<string, string>> = [];
  for (const line of readFileSync(`${path}.ann`, 'utf8').split('\n')) {
    const [id, body] = line.split('\t');
    if (!id || !body) continue;
    if (/^T\d+$/.test(id)) {
      const space = body.indexOf(' ');
      const type = body.slice(0, space);
      const ranges = body
        .slice(space + 1)
        .split(';')
        .map((r) => r.split(' ').map(Number) as Span);
      spans.set(id, { type, spans: ranges });
    } else if (/^E\d+$/.test(id)) {
      events.push(Object.fromEntries(body.split(' ').map((kv) => kv.split(':') as [string, string])));
    }
  }
  const quotes: GoldQuote[] = [];
  const contents: Span[] = [];
  for (const event of events) {
    const content = event.Content ? spans.get(event.Content) : undefined;
    if (!content) continue;
    contents.push(...content.spans);
    const quoted = content.spans.filter(([a, b]) => OPENS_QUOTED.test(text.slice(a, b)));
    if (quoted.length === 0) continue;
    const quote: GoldQuote = { pieces: content.spans, quoted };
    const source = event.Source ? spans.get(event.Source) : undefined;
    if (source) quote.source = { spans: source.spans, text: source.spans.map(([a, b]) => text.slice(a, b)).join(' ') };
    const cue = event.Cue ? spans.get(event.Cue) : undefined;
    if (cue) quote.cue = cue.spans.map(([a, b]) => text.slice(a, b)).join(' ');
    quotes.push(quote);
  }
  quotes.sort((a, b) => (a.pieces[0]?.[0] ?? 0) - (b.pieces[0]?.[0] ?? 0));
  return { name, text, quotes, contents };
}
