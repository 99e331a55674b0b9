/**
 * Options of `hydratePost`, shaped so a render option `hydrate: true | HydrateOptions` maps onto them
 * directly: `true` means the defaults, `false` or absent means no network at all.
 */
import { InputError } from '../errors.js';
import { isPlainObject, rejectUnknownKeys } from '../plain-object.js';
import { type CheckedNetOptions, checkNetOptions, NET_KEYS, type NetOptions } from './fetch-options.js';
import { SYNDICATION_URL } from './tweet-result.js';

/** Options for `hydratePost` (and for the `hydrate` render option). */
export interface HydrateOptions extends NetOptions {
  /**
   * The tweet-result endpoint (`?id=&lang=&token=` are added), e.g. your own caching proxy. Its host
   * must be in `allowHosts`.
   * @default 'https://cdn.syndication.twimg.com/tweet-result'
   */
  apiUrl?: string;
  /** Download the first photo (or video poster) into `media[0].image`. @default true */
  media?: boolean;
}

/** Hydrate options with defaults filled in and every value checked. */
export interface CheckedHydrateOptions extends CheckedNetOptions {
  apiUrl: string;
  media: boolean;
}

const KEYS = [...NET_KEYS, 'apiUrl', 'media'] as const;

/** Check `hydratePost` options. `prefix` names them in errors, e.g. "hydrate." when they sit inside render options. */
export function checkHydrateOptions(options: unknown, prefix = ''): CheckedHydrateOptions {
  if (options === undefined || options === null) options = {};
  if (!isPlainObject(options)) {
    throw InputError.invalid(prefix ? prefix.slice(0, -1) : 'options', 'true, false or a plain object of hydrate options', options);
  }
  rejectUnknownKeys(options, KEYS, 'option', prefix ? prefix.slice(0, -1) : undefined);
  const apiUrl = options.apiUrl ?? SYNDICATION_URL;
  if (typeof apiUrl !== 'string' || !URL.canParse(apiUrl) || new URL(apiUrl).protocol !== 'https:') {
    throw InputError.invalid(`${prefix}apiUrl`, 'an https URL', apiUrl);
  }
  const media = options.media ?? true;
  if (typeof media !== 'boolean') throw InputError.invalid(`${prefix}media`, 'true | false', media);
  return { ...checkNetOptions(options, prefix), apiUrl, media };
}

/**
 * The render option `hydrate: true | false | HydrateOptions`, checked: `undefined` when the network
 * stays off. Unknown keys and bad values are `InputError`s naming `hydrate.<key>`.
 */
export function resolveHydrateOption(value: unknown): CheckedHydrateOptions | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return checkHydrateOptions({}, 'hydrate.');
  if (value === null) throw InputError.invalid('hydrate', 'true, false or a plain object of hydrate options', value);
  return checkHydrateOptions(value, 'hydrate.');
}
