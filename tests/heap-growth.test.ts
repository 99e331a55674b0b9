import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../src/errors.js';

const setFlagsFromString = vi.fn();
vi.mock('node:v8', async (original) => ({ ...(await original<typeof import('node:v8')>()), setFlagsFromString }));

const { DEFAULT_HEAP_GROWTH, applyHeapGrowth, heapGrowthSetting } = await import('../src/render/heap-growth.js');

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
