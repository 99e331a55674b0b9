/** A date and time line in quotation marks (an embedded post's stamp as a site renders it) is no quote. */
import { describe, expect, test } from 'vitest';
import { extract } from '../src/index.js';
import { isTimestamp } from '../src/extract/timestamp.js';

describe('isTimestamp', () => {
  test.each(['3:45 PM - 19 Nov 2019', '7:02 PM · Nov 19, 2019 from Springfield, IL', '12:30 p.m. ET, November 19, 2019', '2019-11-19 14:05 UTC', 'Nov. 19, 2019 at 3:45 PM', '19/11/2019', '9:41 AM · Dec 2, 2026 via Twitter Web App'])('%s is a stamp', (text) => {
    expect(isTimestamp(text)).toBe(true);
  });
  test.each(['At 3:45 PM we left the building', 'We will be there on Nov 19, 2019, no matter what', 'I said 3:45, not four', 'The meeting is at 9:30 and nobody is late'])('%s is words', (text) => {
    expect(isTimestamp(text)).toBe(false);
  });
});

test('a post’s quoted stamp inside a blockquote makes no quote; the words around it still do', () => {
  const para = `<p>The council met on Tuesday to discuss the bridge, and the members agreed on a plan for it.</p>`;
  const html = `<html><body><article>${para}<blockquote><p>Bridge closed.</p><p>“3:45 PM - 19 Nov 2019”</p></blockquote><p>“We will fix the bridge before winter,” said Mayor Jane Doe.</p>${para}</article></body></html>`;
  const quotes = extract(html).quotes.map((q) => q.text);
  expect(quotes).toEqual(['We will fix the bridge before winter']);
});
