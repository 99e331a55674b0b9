/**
 * The library's only network edge: opt-in hydration of posts, the guarded fetch it uses, and the
 * image checks every image passes before satori or resvg sees it.
 */
export { blockedAddressReason } from './address-policy.js';
export { checkImage, type DataUrlOptions, DEFAULT_MAX_PIXELS, toDataUrl } from '../images/data-url.js';
export { FetchError, type FetchErrorCode } from './fetch-error.js';
export type { FetchFunction, FetchInit, FetchResponseLike, NetOptions, SafeFetchOptions } from './fetch-options.js';
export { DEFAULT_ALLOW_HOSTS } from './host-allowlist.js';
export { type Hydrated, hydratePost } from './hydrate.js';
export { type CheckedHydrateOptions, checkHydrateOptions, type HydrateOptions, resolveHydrateOption } from './hydrate-options.js';
export { IMAGE_MIME, type ImageHeader, type ImageType, imageHeader, sniffImageType } from '../images/image-header.js';
export { type FetchedResource, safeFetch } from './safe-fetch.js';
