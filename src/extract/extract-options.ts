/**
 * `ExtractOptions` checked and filled in: unknown keys and bad values are `InputError`s that name the field.
 */
import { InputError } from '../errors.js';
import type { ExtractOptions } from '../types.js';

/** Options with defaults applied. */
export interface ResolvedExtractOptions {
  minWords: number;
}

/**
 * The default fewest words of a quote: shorter quoted runs are terms and scare quotes. A quote one word
 * short still counts when a person is said, in its own sentence, to have said it (“very sobering”, he said).
 */
export const DEFAULT_MIN_WORDS = 3;

const KEYS = ['minWords'] as const;

/** Check `options` and fill in defaults. */
export function resolveExtractOptions(options: unknown): ResolvedExtractOptions {
  if (options === undefined) return { minWords: DEFAULT_MIN_WORDS };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw InputError.invalid('options', 'an object with minWords, or undefined', options);
  }
  for (const key of Object.keys(options)) {
    if (!(KEYS as readonly string[]).includes(key)) throw InputError.invalid(key, `one of the keys ${KEYS.map((k) => `"${k}"`).join(', ')}`, key, 'option key');
  }
  const { minWords } = options as ExtractOptions;
  if (minWords === undefined) return { minWords: DEFAULT_MIN_WORDS };
  if (typeof minWords !== 'number' || !Number.isInteger(minWords) || minWords < 1) {
    throw InputError.invalid('minWords', 'a positive integer', minWords);
  }
  return { minWords };
}
