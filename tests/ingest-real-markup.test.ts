/**
 * The article body and metadata on markup as real sites write it (the shapes seen in
 * ../shared/data/pages, written small here): a body whose <body> carries a paywall class, a body spread
 * over steps or sections, link lists and credits beside it, titles with the site's name after them.
 * `npm run eval` measures the same on the real pages.
 */
import { describe, expect, test } from 'vitest';
import { extract } from '../src/index.js';
import { ingest } from '../src/ingest/index.js';
import { splitSiteSuffix } from '../src/ingest/page-meta.js';

const para = (n: number, topic: string) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} about ${topic}, long enough to be read as prose by any body finder, with a clause or two more.</p>`).join('');

describe('the body on real markup', () => {
  test('a class word on <body> or <article> ("paywall", "sidebar-primary") does not drop the page', () => {
    const html = `<html><body class="story paywall sidebar-primary"><article class="has-comments comments-open">${para(4, 'the harbour')}</article></body></html>`;
    const a = ingest(html);
    expect(a.text.split('\n')).toHaveLength(4);
    expect(a.warnings.join(' ')).not.toMatch(/no article text/);
  });

  test('a body split into step boxes is read whole, and the menu beside it is not', () => {
    const step = (k: number) => `<div class="mod step"><div class="stepContent"><div class="content">${para(k === 0 ? 3 : 1, `step ${k}`)}</div></div></div>`;
    const html = `<html><body><div class="menu"><a href="/a">Home</a> <a href="/b">Crafts</a></div><section id="Body"><div class="col-main">${[0, 1, 2, 3, 4].map(step).join('')}</div></section></body></html>`;
    const text = ingest(html).text;
    for (const k of [0, 1, 2, 3, 4]) expect(text).toContain(`about step ${k}`);
    expect(text).not.toContain('Crafts');
  });

  test('lines that are all link (other stories), picture credits and embed chrome are left out; a permalink line stays a post', () => {
    const html = `<html><body><article>${para(3, 'the vote')}
      <figure><img src="x.jpg"><figcaption>Image: Vjeran Pavic / The Verge</figcaption></figure>
      <p>(AP Photo/Evan Vucci)</p>
      <ul><li><a href="/s1">Google confirms it just laid off around a thousand employees</a></li><li><a href="/s2">Discord is laying off 17 percent</a></li></ul>
      <p>View this photo on Instagram</p>
      <p><a href="https://twitter.com/jack/status/20">https://twitter.com/jack/status/20</a></p>
      <p>The paper said the vote, <a href="/v">reported here</a>, was close.</p></article></body></html>`;
    const a = ingest(html);
    expect(a.text).not.toMatch(/Vjeran|AP Photo|laid off|Discord|View this photo/);
    expect(a.text).toContain('reported here');
    expect(a.posts.map((p) => p.kind === 'post' && p.url)).toEqual(['https://twitter.com/jack/status/20']);
    expect(a.warnings.join(' ')).toMatch(/Left out \d+ "Read more", link, credit or advertisement lines/);
  });

  test('a "read more" or paywall box that holds the story’s own paragraphs is the story; one of links is not', () => {
    const html = `<html><body><article>${para(2, 'the opening')}
      <div id="read-more"><div id="read-more-content">${para(4, 'the continuation')}</div></div>
      <div class="paywall">${para(3, 'the paid part')}</div>
      <div class="read-more-links"><p><a href="/a">Council approves the new harbour budget after a long debate on Tuesday night</a></p><p><a href="/b">Ferry timetable changes from Monday as the bridge closes for repairs until spring</a></p></div>
    </article></body></html>`;
    const text = ingest(html).text;
    expect(text).toContain('Paragraph 4 about the continuation');
    expect(text).toContain('Paragraph 3 about the paid part');
    expect(text).not.toMatch(/Ferry timetable|harbour budget/);
  });

  test('a table of links is the article’s data and stays', () => {
    const rows = ['Groundhog Day', 'Source Code', 'Palm Springs'].map((t) => `<tr><td><a href="/${t}">${t}</a></td><td>${t} is a film about a day that repeats, again and again.</td></tr>`).join('');
    const text = ingest(`<html><body><article>${para(3, 'films')}<table>${rows}</table></article></body></html>`).text;
    expect(text).toContain('Source Code');
  });

  test('a quotation in a picture caption is no quote', () => {
    const html = `<html><body><article>${para(3, 'the strike')}<figure><img src="a.jpg"><figcaption>“We stay until they listen,” said Ada Obi, a nurse, outside the hospital.</figcaption></figure></article></body></html>`;
    expect(extract({ html }).quotes).toEqual([]);
    const plain = `<html><body><article>${para(3, 'the strike')}<p>“We stay until they listen,” said Ada Obi, a nurse, outside the hospital.</p></article></body></html>`;
    expect(extract({ html: plain }).quotes.map((q) => q.speaker?.name)).toEqual(['Ada Obi']);
  });
});

describe('title and site', () => {
  test.each([
    ['How to Build a Terrarium | eHow', undefined, 'How to Build a Terrarium', 'eHow'],
    ['Lorem ipsum dolor sit amet – My website', undefined, 'Lorem ipsum dolor sit amet', 'My website'],
    ['Seven mobile trends to look for in 2017 - CNET', 'CNET', 'Seven mobile trends to look for in 2017', 'CNET'],
    ['Samantha and The Great Big Lie - John C. Welch - Medium', 'Medium', 'Samantha and The Great Big Lie - John C. Welch', 'Medium'],
    ['異世界おもいで食堂 - 新文芸・ブックス - BOOK☆WALKER -', undefined, '異世界おもいで食堂 - 新文芸・ブックス', 'BOOK☆WALKER'],
    // no suffix: lower-case words are part of the title, and a known site that differs stays
    ['How we designed Dropbox’s ATF - an async task framework', undefined, 'How we designed Dropbox’s ATF - an async task framework', undefined],
    ['Brexit: the deal - explained', 'The Guardian', 'Brexit: the deal - explained', undefined],
  ])('%s', (raw, site, title, suffix) => {
    expect(splitSiteSuffix(raw, site)).toEqual(suffix ? { title, site: suffix } : { title });
  });

  test('the page: JSON-LD headline first, the site from og:site_name, else from the title’s suffix', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Vision Pro hands-on: the Retina moment', name: 'Vision Pro hands-on: the Retina moment' });
    const page = (head: string) => `<html><head>${head}</head><body><article>${para(3, 'the headset')}</article></body></html>`;
    expect(ingest(page(`<title>Vision Pro - The Verge</title><meta property="og:title" content="Vision Pro is the Retina moment"><script type="application/ld+json">${ld}</script>`))).toMatchObject({ title: 'Vision Pro hands-on: the Retina moment' });
    expect(ingest(page('<title>Serve and Remember | whitehouse.gov</title>'))).toMatchObject({ title: 'Serve and Remember', site: 'whitehouse.gov' });
    expect(ingest(page('<title>The Vote | Daily Planet</title><meta property="og:site_name" content="Daily Planet">'))).toMatchObject({ title: 'The Vote', site: 'Daily Planet' });
    // property="x:title dc:title": each name counts
    expect(ingest(page('<title>Title Element</title><meta property="x:title dc:title" content="My title">'))).toMatchObject({ title: 'My title' });
    // Wikipedia's JSON-LD headline is a description; its name is the page's title
    const wiki = JSON.stringify({ '@type': 'Article', name: 'List of films featuring time loops', headline: 'Wikimedia list article' });
    expect(ingest(page(`<title>List of films featuring time loops - Wikipedia</title><script type="application/ld+json">${wiki}</script>`))).toMatchObject({ title: 'List of films featuring time loops' });
  });
});

describe('language', () => {
  const page = (html: string, head = '') => `<html${html}><head>${head}</head><body><article>${para(3, 'the council')}</article></body></html>`;

  test('from <html lang>, then og:locale, Content-Language, JSON-LD inLanguage; written canonical', () => {
    expect(extract(page(' lang="en-us"')).lang).toBe('en-US');
    expect(extract(page(' xml:lang="fr"')).lang).toBe('fr');
    expect(extract(page('', '<meta property="og:locale" content="de_DE">')).lang).toBe('de-DE');
    expect(extract(page('', '<meta http-equiv="Content-Language" content="nb, en">')).lang).toBe('nb');
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Le vote', inLanguage: 'fr-CA' });
    expect(extract(page('', `<script type="application/ld+json">${ld}</script>`)).lang).toBe('fr-CA');
    expect(extract(page(' lang="zh-Hant-TW"', '<meta property="og:locale" content="en_US">')).lang).toBe('zh-Hant-TW');
    expect(extract(page('')).lang).toBeUndefined();
  });

  test('a lang that is no language tag is left out, with a warning; "und" says nothing', () => {
    const odd = extract(page(' lang="{{ page.lang }}"'));
    expect(odd.lang).toBeUndefined();
    expect(odd.warnings.join(' ')).toMatch(/language "\{\{ page\.lang \}\}" is not a language tag/);
    const und = extract(page(' lang="und"'));
    expect(und.lang).toBeUndefined();
  });

  test('ArticleInput.lang wins over the page and is checked', () => {
    expect(extract({ html: page(' lang="en"'), lang: 'fr_FR' }).lang).toBe('fr-FR');
    expect(extract({ text: 'Der Rat stimmte ab.', lang: 'de' }).lang).toBe('de');
    expect(() => extract({ text: 'x', lang: 'French' })).toThrow(/lang/);
  });
});
