import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../src/errors.js';

const setFlagsFromString = vi.fn();
vi.mock('node:v8', async (original) => ({ ...(await original<typeof import('node:v8')>()), setFlagsFromString }));

const { DEFAULT_HEAP_GROWTH, V8_SEMI_SPACE_GROWTH, applyHeapGrowth, heapGrowthSetting, holdYoungGeneration, holdsYoungGeneration } = await import(
  '../src/render/heap-growth.js'
);

describe('heapGrowthSetting', () => {
  it.each([
    ['nothing set', [], {}, DEFAULT_HEAP_GROWTH],
    ['a percentage', [], { QUOTECARD_HEAP_GROWTH: '50' }, 50],
    ['off', [], { QUOTECARD_HEAP_GROWTH: 'OFF' }, undefined],
    ['empty means default', [], { QUOTECARD_HEAP_GROWTH: ' ' }, DEFAULT_HEAP_GROWTH],
    ['the process has its own flag', ['--heap-growing-percent=30'], {}, undefined],
    ['its own flag, underscores', ['--heap_growing_percent=30'], { QUOTECARD_HEAP_GROWTH: '50' }, undefined],
    ['its own flag in NODE_OPTIONS', [], { NODE_OPTIONS: '--max-old-space-size=200 --heap-growing-percent=40' }, undefined],
    ['a sized old generation (V8 scales its factor down itself)', ['--max-old-space-size=128'], {}, undefined],
    ['a sized old generation in NODE_OPTIONS', [], { NODE_OPTIONS: '--max_old_space_size=512' }, undefined],
    ['unrelated flags', ['--max-semi-space-size=2'], { NODE_OPTIONS: '--enable-source-maps' }, DEFAULT_HEAP_GROWTH],
  ] as const)('%s', (_name, argv, env, expected) => {
    expect(heapGrowthSetting(argv, env)).toBe(expected);
  });

  it.each(['5', '301', '1.5', 'lots'])('refuses QUOTECARD_HEAP_GROWTH=%s with a message naming it', (value) => {
    const call = () => heapGrowthSetting([], { QUOTECARD_HEAP_GROWTH: value });
    expect(call).toThrow(InputError);
    expect(call).toThrow(
      `Invalid value for environment variable "QUOTECARD_HEAP_GROWTH". Allowed: "off" or a whole number of percent from 10 to 300. Received: "${value}".`,
    );
  });
});

describe('applyHeapGrowth', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('sets V8 heap growth once per process, before the first card', () => {
    vi.stubEnv('QUOTECARD_HEAP_GROWTH', '');
    applyHeapGrowth();
    applyHeapGrowth();
    expect(setFlagsFromString).toHaveBeenCalledTimes(1);
    expect(setFlagsFromString).toHaveBeenCalledWith(`--heap-growing-percent=${DEFAULT_HEAP_GROWTH}`);
  });
});

describe('holdsYoungGeneration', () => {
  it.each([
    ['nothing set', [], {}, true],
    ['a heap growth percentage (old generation only)', [], { QUOTECARD_HEAP_GROWTH: '50' }, true],
    ['off', [], { QUOTECARD_HEAP_GROWTH: ' Off ' }, false],
    ['its own semi-space size', ['--max-semi-space-size=8'], {}, false],
    ['its own minimum, underscores', ['--min_semi_space_size=4'], {}, false],
    ['its own growth factor in NODE_OPTIONS', [], { NODE_OPTIONS: '--semi-space-growth-factor=4' }, false],
    ['a sized old generation only', ['--max-old-space-size=512'], {}, true],
  ] as const)('%s', (_name, argv, env, expected) => {
    expect(holdsYoungGeneration(argv, env)).toBe(expected);
  });
});

describe('holdYoungGeneration', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    setFlagsFromString.mockClear();
  });

  it('holds the new space while any batch runs and puts V8 back after the last', () => {
    vi.stubEnv('QUOTECARD_HEAP_GROWTH', '');
    setFlagsFromString.mockClear();
    const first = holdYoungGeneration();
    const second = holdYoungGeneration();
    expect(setFlagsFromString.mock.calls).toEqual([['--semi-space-growth-factor=1']]);
    first();
    first(); // a second call of the same release changes nothing
    expect(setFlagsFromString).toHaveBeenCalledTimes(1);
    second();
    expect(setFlagsFromString.mock.calls).toEqual([['--semi-space-growth-factor=1'], [`--semi-space-growth-factor=${V8_SEMI_SPACE_GROWTH}`]]);
  });

  it('leaves V8 alone when told off', () => {
    vi.stubEnv('QUOTECARD_HEAP_GROWTH', 'off');
    setFlagsFromString.mockClear();
    holdYoungGeneration()();
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });
});
