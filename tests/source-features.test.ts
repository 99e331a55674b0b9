/**
 * The source model's feature vector is filled by position: each value must land in the slot FEATURES names
 * for it, or the learned weights (source-weights.json, keyed by those names) would score the wrong thing.
 */
import { describe, expect, test } from 'vitest';
import { NameIndex } from '../src/extract/name-index.js';
import { FEATURES, features, quoteContext, type Candidate, type Origin } from '../src/extract/source-candidates.js';

const text = '“We will rebuild the bridge before winter,” Maria Okafor said on Tuesday.';
const open = 0;
const close = text.indexOf('”') + 1;
const at = text.indexOf('Maria');

function vector(origin: Origin, cue: string | undefined, rule: boolean): Record<string, number> {
  const index = new NameIndex(text);
  const candidate: Candidate = {
    reading: { kind: 'name', mention: 'Maria Okafor', name: 'Maria Okafor', at },
    attribution: { form: 'tail', cue, end: text.length - 1 },
    origin,
    rule,
  };
  const span = { open, close, blockStart: 0, blockEnd: text.length, partial: false };
  const values = features(text, index, quoteContext(text, span), candidate, () => 2);
  expect(values).toHaveLength(FEATURES.length);
  return Object.fromEntries(FEATURES.map((name, k) => [name, values[k] as number]));
}

describe('source model features', () => {
  test('a tail attribution by name with "said": its own slots are set and no others of its groups', () => {
    const f = vector('tail', 'said', true);
    expect(f).toMatchObject({ bias: 1, rule: 1, 'origin:tail': 1, 'kind:name': 1, 'cue:say': 1, 'place:after': 1, 'place:same-sentence': 1, 'tail&name': 1 });
    const groups = ['origin:', 'kind:', 'cue:', 'place:before'];
    const set = Object.entries(f).filter(([name, v]) => v !== 0 && groups.some((g) => name.startsWith(g))).map(([name]) => name);
    expect(set.sort()).toEqual(['cue:say', 'kind:name', 'origin:tail']);
    expect(f['head&name']).toBe(0);
    expect(f.salience).toBeCloseTo(Math.log1p(2) / Math.log(20));
  });

  test('a nearby person with no cue of its own', () => {
    const f = vector('nearby', undefined, false);
    expect(f).toMatchObject({ rule: 0, 'origin:nearby': 1, 'origin:tail': 0, 'cue:none': 1, 'cue:say': 0, 'nearby&say': 0, 'tail&name': 0 });
  });
});
