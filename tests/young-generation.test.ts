import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn();
vi.mock('node:v8', async (original) => ({ ...(await original<typeof import('node:v8')>()), setFlagsFromString }));

// a fresh module per test: its state (holds, what V8 was last told) starts from V8's defaults
async function load() {
  vi.resetModules();
  return import('../src/render/young-generation.js');
}

const MB = 1024 * 1024;
const calls = () => setFlagsFromString.mock.calls.map((c) => c[0]);

beforeEach(() => {
  setFlagsFromString.mockClear();
  vi.stubEnv('QUOTECARD_HEAP_GROWTH', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('steersYoungGeneration', () => {
  it.each([
    ['nothing set', [], {}, true],
    ['a heap growth percentage (old generation only)', [], { QUOTECARD_HEAP_GROWTH: '50' }, true],
    ['off', [], { QUOTECARD_HEAP_GROWTH: ' Off ' }, false],
    ['its own semi-space size', ['--max-semi-space-size=8'], {}, false],
    ['its own minimum, underscores', ['--min_semi_space_size=4'], {}, false],
    ['its own growth factor in NODE_OPTIONS', [], { NODE_OPTIONS: '--semi-space-growth-factor=4' }, false],
    ['a sized old generation only', ['--max-old-space-size=512'], {}, true],
  ] as const)('%s', async (_name, argv, env, expected) => {
    const { steersYoungGeneration } = await load();
    expect(steersYoungGeneration(argv, env)).toBe(expected);
  });
});

describe('capYoungGeneration', () => {
  it('stops the growth at the cap, lets it grow again below it, and tells V8 only on a change', async () => {
    const { capYoungGeneration, NEW_SPACE_CAP, V8_SEMI_SPACE_GROWTH } = await load();
    expect(NEW_SPACE_CAP).toBe(8 * MB);
    capYoungGeneration(() => 4 * MB);
    expect(calls()).toEqual([]); // V8's default already lets it grow
    capYoungGeneration(() => 8 * MB);
    capYoungGeneration(() => 16 * MB);
    expect(calls()).toEqual(['--semi-space-growth-factor=1']);
    capYoungGeneration(() => 2 * MB); // V8 shrank it (an idle process): let it grow back
    expect(calls()).toEqual(['--semi-space-growth-factor=1', `--semi-space-growth-factor=${V8_SEMI_SPACE_GROWTH}`]);
  });

  it('reads the real new space by default', async () => {
    const { capYoungGeneration } = await load();
    expect(() => capYoungGeneration()).not.toThrow();
  });

  it('leaves V8 alone when told off', async () => {
    vi.stubEnv('QUOTECARD_HEAP_GROWTH', 'off');
    const { capYoungGeneration } = await load();
    capYoungGeneration(() => 32 * MB);
    expect(calls()).toEqual([]);
  });
});

describe('holdYoungGeneration', () => {
  it('holds the new space while any batch runs and lets it grow after the last', async () => {
    const { holdYoungGeneration, V8_SEMI_SPACE_GROWTH } = await load();
    const first = holdYoungGeneration();
    const second = holdYoungGeneration();
    expect(calls()).toEqual(['--semi-space-growth-factor=1']);
    first();
    first(); // a second call of the same release changes nothing
    expect(calls()).toHaveLength(1);
    second();
    expect(calls()).toEqual(['--semi-space-growth-factor=1', `--semi-space-growth-factor=${V8_SEMI_SPACE_GROWTH}`]);
  });

  it('a card drawn during a batch does not undo the hold; after the batch the cap decides', async () => {
    const { capYoungGeneration, holdYoungGeneration } = await load();
    const release = holdYoungGeneration();
    capYoungGeneration(() => 2 * MB);
    expect(calls()).toEqual(['--semi-space-growth-factor=1']);
    capYoungGeneration(() => 16 * MB);
    release(); // the new space is past the cap, so it stays stopped
    expect(calls()).toEqual(['--semi-space-growth-factor=1']);
  });

  it('leaves V8 alone when told off', async () => {
    vi.stubEnv('QUOTECARD_HEAP_GROWTH', 'off');
    const { holdYoungGeneration } = await load();
    holdYoungGeneration()();
    expect(calls()).toEqual([]);
  });
});
