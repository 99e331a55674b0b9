/**
 * The options of `hydratePost`, shaped so the render option `hydrate: true | HydrateOptions` maps onto
 * them directly: `true` means the defaults, `false` or absent means no network at all.
 */
import { boolean, convert, either, isPlainObject, type ObjectRule, object, optional, type Rule, type ShapeOf } from '../shared/check.js';
import { NET_SHAPE } from './fetch-options.js';
import { SYNDICATION_URL } from './tweet-result.js';

const httpsUrl = convert('an https URL', (value, _at, fail) => {
  if (typeof value !== 'string' || !URL.canParse(value) || new URL(value).protocol !== 'https:') throw fail();
  return value;
});

const SHAPE = { ...NET_SHAPE, apiUrl: optional(httpsUrl, SYNDICATION_URL), media: optional(boolean(), true) };

/** `hydratePost`'s options. */
export const hydrateOptions: ObjectRule<typeof SHAPE> = object(SHAPE, 'a plain object of hydrate options');

/** Hydrate options with defaults filled in and every value checked. */
export type CheckedHydrateOptions = ShapeOf<typeof SHAPE>;

/** The render option `hydrate`: `undefined` when the network stays off. */
export const hydrateRule: Rule<CheckedHydrateOptions | undefined> = optional(
  either(
    'true, false or a plain object of hydrate options',
    [(v) => v === false, convert('false', () => undefined)],
    [(v) => v === true, convert('true', (_v, at) => hydrateOptions.check({}, at))],
    [isPlainObject, hydrateOptions],
  ),
);
