/** Small articles for the batch, CLI and gallery tests: each yields `quotes` attributed quotations. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchArticle } from '../src/types.js';

const SPEAKERS = [
  ['Jane Doe', 'the mayor'],
  ['Tom Smith', 'the city engineer'],
  ['Amira Khan', 'a council member'],
] as const;

/** Plain text with `quotes` quotations; `marker` is put inside the first one (for the worker test hooks). */
export function articleText(n: number, quotes = 1, marker = ''): string {
  const lines = [`The council met on Monday to discuss repairs in district ${n}.`];
  for (let q = 0; q < quotes; q++) {
    const [name, role] = SPEAKERS[q % SPEAKERS.length] as readonly [string, string];
    const extra = q === 0 && marker ? ` ${marker}` : '';
    lines.push(`“We will rebuild bridge number ${n} before the winter storms arrive, part ${q + 1}${extra},” said ${name}, ${role}.`);
  }
  return lines.join('\n');
}

/** A batch article with an id and text. */
export function article(n: number, quotes = 1, extra: Partial<BatchArticle> = {}): BatchArticle {
  return { id: `articles/district-${n}.txt`, text: articleText(n, quotes), ...extra };
}

/** A fresh temporary folder. */
export const tempDir = (prefix = 'qc-test-') => mkdtempSync(join(tmpdir(), prefix));
