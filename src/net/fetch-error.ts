/**
 * Why a download was refused or failed. `safeFetch` throws these; `hydratePost` turns them into warnings.
 */
import { QuoteCardError } from '../errors.js';

/** What went wrong, as a stable code. */
export type FetchErrorCode =
  | 'scheme' // not https
  | 'host' // host or port not in the allowlist
  | 'address' // resolves to or connected to a loopback, private, link-local, … address
  | 'redirect' // too many redirects or a redirect without a usable Location
  | 'status' // an HTTP status other than 200
  | 'timeout' // no complete response in time
  | 'size' // body larger than the byte cap
  | 'type' // content type or magic bytes not what was asked for
  | 'pixels' // image larger than the pixel cap, or its size unreadable
  | 'aborted' // the caller's signal
  | 'network'; // DNS, TLS or connection failure

/** A download that was refused or failed. */
export class FetchError extends QuoteCardError {
  override name = 'FetchError';
  /** Stable reason code. */
  readonly code: FetchErrorCode;
  /** The URL of the hop that failed. */
  readonly url: string;
  /** HTTP status, for `code: 'status'`. */
  readonly status?: number;

  constructor(
    code: FetchErrorCode,
    url: string,
    problem: string,
    details: { allowed?: string; received?: string; status?: number; cause?: unknown } = {},
  ) {
    const tail = [details.allowed && `Allowed: ${details.allowed}.`, details.received && `Received: ${details.received}.`]
      .filter(Boolean)
      .join(' ');
    super(`Refused to fetch ${JSON.stringify(cut(url))}: ${problem}.${tail ? ` ${tail}` : ''}`, {
      field: 'url',
      allowed: details.allowed,
      received: details.received,
      cause: details.cause,
    });
    this.code = code;
    this.url = url;
    this.status = details.status;
  }
}

function cut(url: string): string {
  return url.length > 120 ? `${url.slice(0, 120)}…` : url;
}
