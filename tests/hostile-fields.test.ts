/**
 * Every text a card is given, at 10 MB: cut (with a warning) or refused (a typed error) by its length
 * before any cleaning, segmentation or layout, so it costs what a card can show. Each field runs in its
 * own process (tests/helpers/big-field.ts), after an ordinary card, and must take under a second of CPU and
 * raise the peak resident set by under 100 MB (the 10 MB value itself, built before, is not counted).
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const exec = promisify(execFile);
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const FIELDS: Array<[field: string, outcome: RegExp]> = [
  ['quote.text', /^drawn: Quote text cut: 999\d{4} characters past the 1000-character limit/],
  ['quote.text (Chinese)', /^drawn: Quote text cut: 999\d{4} characters/],
  ['quote.speaker.name', /^drawn: quote\.speaker\.name cut: 9999000 characters past the 1000-character limit/],
  ['quote.speaker.role', /^drawn: quote\.speaker\.role cut: 9999000 characters/],
  ['quote.speaker.mention', /^drawn: no cut/],
  ['post.text', /^drawn: Post text cut: 9999000 characters/],
  ['post.author.name', /^drawn: post\.author\.name cut: 9999000 characters/],
  ['post.author.handle', /^drawn: post\.author\.handle cut: 9999000 characters/],
  ['post.url', /^drawn: post\.url cut: 99990\d\d characters/],
  ['post.date', /^drawn: post\.date cut: 9999900 characters past the 100-character limit/],
  ['post.links', /^drawn: post\.links: 199900 links past the first 100 were left out/],
  ['site', /^drawn: site cut: 9999000 characters/],
  ['date', /^InputError: Invalid value for option "date"/],
  ['locale', /^InputError: Invalid value for option "locale"/],
  ['theme.site', /^drawn: theme\.site cut: 999\d{4} characters/],
  ['theme.name', /^InputError: Invalid value for option "theme\.name"\. Allowed: a non-empty name of at most 200 characters/],
  ['theme.accent', /^InputError: Invalid value for option "theme\.accent"/],
  ['theme.fonts.serif', /^InputError: Invalid value for option "theme\.fonts\.serif"\. Allowed: a non-empty font family name of at most 200 characters/],
];

describe('a 10 MB value in any field costs what a card can show', () => {
  test.each(FIELDS)('%s', { timeout: 120_000 }, async (field, outcome) => {
    const { stdout } = await exec(process.execPath, ['--import', tsx, join(process.cwd(), 'tests/helpers/big-field.ts'), field], { timeout: 110_000, maxBuffer: 1 << 20 });
    const r = JSON.parse(stdout.trim().split('\n').pop() as string) as { outcome: string; ms: number; cpuMs: number; peakRiseMb: number };
    expect(r.outcome).toMatch(outcome);
    // CPU time, which the machine's other work does not inflate; the wall time is bounded loosely
    expect(r.cpuMs).toBeLessThan(1000);
    expect(r.ms).toBeLessThan(5000);
    expect(r.peakRiseMb).toBeLessThan(100);
  });
});
