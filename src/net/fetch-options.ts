/** The options of `safeFetch` (and the network part of `hydratePost`'s), as rules with their defaults. */
import { DEFAULT_MAX_PIXELS } from '../images/data-url.js';
import { func, instance, integer, object, oneOf, optional, type ShapeOf } from '../shared/check.js';
import type { FetchFunction } from '../types.js';
import { allowHostsRule } from './host-allowlist.js';

/** The options `safeFetch` and `hydratePost` share. */
export const NET_SHAPE = {
  fetch: optional(func<FetchFunction>('a function (url, init) => Promise<Response>')),
  allowHosts: allowHostsRule,
  timeoutMs: optional(integer(1, 120_000, 'an integer from 1 to 120000'), 5000),
  maxBytes: optional(integer(1, 104_857_600, 'an integer from 1 to 104857600'), 5_242_880),
  maxPixels: optional(integer(1, 100_000_000, 'an integer from 1 to 100000000'), DEFAULT_MAX_PIXELS),
  maxRedirects: optional(integer(0, 10, 'an integer from 0 to 10'), 3),
  signal: optional(instance(AbortSignal, 'an AbortSignal')),
};

/** Net options with defaults filled in and every value checked. */
export type CheckedNetOptions = ShapeOf<typeof NET_SHAPE>;

/** `safeFetch`'s options. */
export const fetchOptions = object({ ...NET_SHAPE, expect: optional(oneOf(['image', 'json']), 'image') }, 'a plain object of fetch options');

/** `safeFetch` options, checked. */
export type CheckedFetchOptions = ShapeOf<typeof fetchOptions.shape>;
