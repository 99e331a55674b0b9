/**
 * Every error quotecard throws is a `QuoteCardError`. Messages say what is wrong, what is allowed
 * and what was received, and the same facts are on the error as fields.
 */

/** Details every quotecard error carries. */
export interface ErrorDetails {
  /** The option, field or input the error is about, e.g. "size.width". */
  field?: string;
  /** What is allowed, in words. */
  allowed?: string;
  /** What was received (already described for display). */
  received?: string;
  /** The underlying error, when one caused this. */
  cause?: unknown;
}

/** Base class of all errors quotecard throws. */
export class QuoteCardError extends Error {
  override name = 'QuoteCardError';
  /** The option, field or input the error is about. */
  readonly field?: string;
  /** What is allowed. */
  readonly allowed?: string;
  /** What was received. */
  readonly received?: string;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.field = details.field;
    this.allowed = details.allowed;
    this.received = details.received;
  }
}

/** Bad input: an option, a quote, a post or an article that cannot be used as given. */
export class InputError extends QuoteCardError {
  override name = 'InputError';

  /** `Invalid value for option "size". Allowed: …. Received: ….` */
  static invalid(field: string, allowed: string, value: unknown, what = 'option'): InputError {
    const received = describe(value);
    return new InputError(`Invalid value for ${what} "${field}". Allowed: ${allowed}. Received: ${received}.`, {
      field,
      allowed,
      received,
    });
  }
}

/** A font that cannot be read, or (with `strict`) text no loaded font can draw. */
export class FontError extends QuoteCardError {
  override name = 'FontError';
}

/** Input past a limit that protects the process (size, pixels, length, depth). */
export class LimitError extends QuoteCardError {
  override name = 'LimitError';
}

/** satori or resvg failed on input that passed validation. */
export class RenderError extends QuoteCardError {
  override name = 'RenderError';
}

/**
 * A short, safe description of a received value for error messages:
 * strings quoted and cut, numbers as written, objects by their keys.
 */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') {
    const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(cut);
  }
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'boolean' || typeof value === 'symbol') return String(value);
  if (typeof value === 'function') return 'a function';
  if (value instanceof Uint8Array) return `${value.constructor.name} of ${value.byteLength} bytes`;
  if (value instanceof ArrayBuffer) return `ArrayBuffer of ${value.byteLength} bytes`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  const keys = Object.keys(value as object);
  return keys.length ? `an object with keys ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''}` : 'an empty object';
}
