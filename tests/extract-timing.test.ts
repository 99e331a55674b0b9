import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extract } from '../src/extract/extract.js';

const seed = readFileSync(new URL('./fixtures/islamabad-envoy.txt', import.meta.url), 'utf8');

/** Plain text of about `bytes` characters made of `unit` repeated. */
function grow(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** Median milliseconds of a few runs of extract(text). */
function time(text: string): number {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    extract(text);
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return runs[2] as number;
}

const inputs = [
  { name: 'news prose (the seed repeated)', unit: `${seed}\n` },
  { name: 'unmatched opening marks', unit: 'He called it “a disaster and “another one and ‘more and «still and „yet and "again\n' },
  { name: 'unmatched marks in one endless paragraph', unit: 'He called it “a disaster and “another one and ‘more and «still and „yet and "again ' },
  { name: '"said" without quotes', unit: 'Smith said the plan was dead. Jones, the mayor, said nothing. He said, she said, they said. ' },
  { name: 'two people sharing a surname, named over and over', unit: 'Dylan Reyes pleaded guilty. Yolanda Reyes spoke. Yolanda Reyes wept. Reyes sat down. ' },
  { name: 'closing marks only and apostrophes', unit: 'it’s the Talibs’ ’90s” rock ’n’ roll» “ ” ‘ ’ ' },
  { name: 'one endless run of capitalised given names', unit: 'Mark Rose Grant John Mary ' },
  { name: 'a quoted fragment of spaces and dots inside a sentence', unit: 'He wore a “Make          .  .  .  -  -  -          ' },
  {
    name: 'mixed quotation marks',
    unit: '"We will win here,“ said Jim Clyburn, who spoke for an hour at the rally on Tuesday night. “It is “so” "done," he said after the vote in the Senate.\n',
  },
];

describe('extraction time grows linearly', () => {
  for (const input of inputs) {
    test(`${input.name}: 1 MB takes about 10× as long as 100 KB (and well under a second even on a busy test runner)`, () => {
      const small = grow(input.unit, 100_000);
      const large = grow(input.unit, 1_000_000);
      for (let i = 0; i < 3; i++) extract(small); // warm up
      const ts = time(small);
      const tl = time(large);
      // linear is 10×; quadratic 100×. A loaded machine has been seen at 25× (garbage collection lands on the
      // large runs), so the line sits between the two
      expect(tl / Math.max(ts, 1)).toBeLessThan(40);
      expect(tl).toBeLessThan(1200);
    });
  }
});
