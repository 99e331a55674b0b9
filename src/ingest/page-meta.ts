/**
 * The article's title, site name, canonical URL, publication date and language, read from the page's meta tags
 * (Open Graph, Twitter cards, Dublin Core, Parse.ly, sailthru, itemprop) and JSON-LD (NewsArticle and
 * kin: headline, datePublished, publisher.name, url / mainEntityOfPage).
 */
import { languageTag } from './language-tag.js';
import type { PageScan } from './page-scan.js';

/** Metadata read from the page. */
export interface PageMeta {
  title?: string;
  site?: string;
  url?: string;
  publishedAt?: string;
  lang?: string;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)$/;

/** Read the page's metadata; problems go to `warnings`. */
export function readPageMeta(scan: PageScan, warnings: string[]): PageMeta {
  const m = scan.meta;
  const ld = readJsonLd(scan.jsonLd, warnings);
  const pick = (...values: (string | undefined)[]) => values.map((v) => v?.replace(/\s+/g, ' ').trim()).find((v) => v);
  const docTitle = pick(scan.title);
  // the JSON-LD article's headline first (the newsroom's own), then Dublin Core, Open Graph and the rest
  const rawTitle = pick(ldTitle(ld, docTitle), m.get('dc:title'), m.get('dc.title'), m.get('dcterm:title'), m.get('og:title'), m.get('twitter:title'), m.get('headline'), docTitle);
  const named = pick(m.get('og:site_name'), ld.publisher, m.get('application-name'), m.get('publisher'));
  const split = rawTitle ? splitSiteSuffix(rawTitle, named) : undefined;
  const title = split?.title;
  const site = named ?? split?.site ?? pick(m.get('twitter:site')?.replace(/^@/, ''));
  const url = pick(scan.canonical, m.get('og:url'), ld.url, m.get('twitter:url'));
  const rawDate = pick(
    m.get('article:published_time'),
    ld.datePublished,
    m.get('datepublished'),
    m.get('date'),
    m.get('pubdate'),
    m.get('publishdate'),
    m.get('publish-date'),
    m.get('parsely-pub-date'),
    m.get('sailthru.date'),
    m.get('dc.date.issued'),
    m.get('dc.date'),
    m.get('dcterms.created'),
    m.get('og:published_time'),
    scan.timePublished,
  );
  // og:locale writes fr_FR; the others are BCP-47 already. Content-Language may list several: the first.
  const rawLang = pick(scan.lang, m.get('og:locale')?.replace(/_/g, '-'), m.get('content-language')?.split(',')[0], ld.inLanguage, m.get('dc.language'), m.get('language'));
  const meta: PageMeta = {};
  if (title) meta.title = title;
  if (site) meta.site = site;
  if (url) meta.url = url;
  if (rawDate) {
    const date = isoDate(rawDate);
    if (date) meta.publishedAt = date;
    else warnings.push(`The page's publication date "${rawDate.slice(0, 40)}" is not a date; it was left out.`);
  }
  if (rawLang) {
    const lang = languageTag(rawLang);
    if (lang) meta.lang = lang;
    else warnings.push(`The page's language "${rawLang.slice(0, 40)}" is not a language tag; it was left out.`);
  }
  return meta;
}

/** An ISO 8601 date as written when it already is one, else the parsed date in ISO form, else undefined. */
export function isoDate(raw: string): string | undefined {
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}(?:$|[T ]\d{2}:\d{2})/.test(s)) return s.replace(' ', 'T');
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Separators between a page's title and the site's name: "Title | Site", "Title – Site", "Title · Site". */
const SEPARATOR = / (?:[|\-–—·•»:]|::) /gu;

/**
 * A title without the site's name after it: "Lorem ipsum – My website" → "Lorem ipsum" (site "My website").
 * The part after the last separator is the site when it is the site's known name, or — with no name known —
 * when it is short (four words at most) and leaves a title of three words or more.
 */
export function splitSiteSuffix(written: string, site: string | undefined): { title: string; site?: string } {
  // "異世界おもいで食堂 - BOOK☆WALKER -": a separator left dangling at the end goes first
  const raw = written.replace(/\s+(?:[|\-–—·•»:]|::)$/u, '');
  let last: RegExpExecArray | undefined;
  for (const m of raw.matchAll(SEPARATOR)) last = m;
  if (!last) return { title: raw };
  const head = raw.slice(0, last.index).trim();
  const tail = raw.slice(last.index + last[0].length).trim();
  const words = (s: string) => s.split(/\s+/u).filter(Boolean).length;
  const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if (!head || !tail) return { title: raw };
  if (site) {
    const known = fold(site);
    return fold(tail) === known || (known.length >= 3 && fold(tail).startsWith(known)) ? { title: head, site: tail } : { title: raw };
  }
  // a name opens with a capital or is a domain ("eHow", "BBC News", "My website", "lemonde.fr"); "an async task framework" is not
  const nameLike = /^(?:[\p{Lu}\p{N}]|\p{Ll}+\p{Lu})|^\S+\.\p{L}{2,}$/u.test(tail);
  return nameLike && words(tail) <= 4 && words(head) >= 3 ? { title: head, site: tail } : { title: raw };
}

/** The JSON-LD title: its headline, or its name when that is the one the page's <title> matches better. */
function ldTitle(ld: LdFacts, docTitle: string | undefined): string | undefined {
  if (!ld.headline || !ld.name || ld.headline === ld.name || !docTitle) return ld.headline ?? ld.name;
  const overlap = (s: string) => {
    const have = new Set(docTitle.toLowerCase().split(/\W+/u));
    const w = s.toLowerCase().split(/\W+/u).filter(Boolean);
    return w.filter((x) => have.has(x)).length / Math.max(1, w.length);
  };
  return overlap(ld.name) > overlap(ld.headline) ? ld.name : ld.headline;
}

interface LdFacts {
  headline?: string;
  name?: string;
  datePublished?: string;
  publisher?: string;
  url?: string;
  inLanguage?: string;
}

/** Find the first article-typed object in the JSON-LD blocks (iteratively, through @graph and arrays). */
function readJsonLd(sources: string[], warnings: string[]): LdFacts {
  for (const [index, source] of sources.entries()) {
    let data: unknown;
    try {
      data = JSON.parse(source.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '').replace(/;\s*$/, ''));
    } catch {
      warnings.push(`JSON-LD block ${index + 1} of the page is not valid JSON; it was skipped.`);
      continue;
    }
    const stack: unknown[] = [data];
    let seen = 0;
    while (stack.length > 0 && seen++ < 10_000) {
      const node = stack.pop();
      if (Array.isArray(node)) {
        for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
        continue;
      }
      if (!node || typeof node !== 'object') continue;
      const o = node as Record<string, unknown>;
      const types = ([] as unknown[]).concat(o['@type'] ?? []).filter((t): t is string => typeof t === 'string');
      if (types.some((t) => ARTICLE_TYPES.test(t)) && (o.headline || o.name || o.datePublished)) return facts(o);
      if (o['@graph']) stack.push(o['@graph']);
    }
  }
  return {};
}

function facts(o: Record<string, unknown>): LdFacts {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const publisher = first(o.publisher);
  const page = first(o.mainEntityOfPage);
  return {
    headline: str(o.headline),
    name: str(o.name),
    datePublished: str(o.datePublished) ?? str(o.dateCreated),
    publisher: str(publisher) ?? str((publisher as Record<string, unknown> | undefined)?.name),
    url: str(o.url) ?? str(page) ?? str((page as Record<string, unknown> | undefined)?.['@id']),
    inLanguage: str(first(o.inLanguage)) ?? str((first(o.inLanguage) as Record<string, unknown> | undefined)?.alternateName),
  };
}
