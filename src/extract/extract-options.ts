/** `extract()`'s options, as rules with their defaults. */
import { integer, object, optional, type ShapeOf } from '../shared/check.js';

/**
 * The default fewest words of a quote: shorter quoted runs are terms and scare quotes. A quote one word
 * short still counts when a person is said, in its own sentence, to have said it (“very sobering”, he said).
 */
export const DEFAULT_MIN_WORDS = 3;

/** `ExtractOptions` as a rule. */
export const extractOptions = object({ minWords: optional(integer(1), DEFAULT_MIN_WORDS) }, 'a plain object of extract options');

/** Options with defaults applied. */
export type ResolvedExtractOptions = ShapeOf<typeof extractOptions.shape>;
