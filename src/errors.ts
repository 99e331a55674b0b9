/**
 * Every error quotecard throws is a `QuoteCardError`: a subclass per kind, a stable `code`, and a
 * message that says what is wrong, what is allowed and what was received, with the same facts on the
 * error as `field`, `allowed` and `received`. docs/errors.md lists the codes.
 *
 * `instanceof` reads a brand (`Symbol.for`) rather than the prototype chain, so an error thrown by the
 * CommonJS build is an instance of the classes of the ESM build too (and of a second copy of the
 * package in the same process).
 */

/** Every code and the class that carries it (docs/errors.md says when each is thrown). */
export const ERROR_CODES = {
  'unknown-option': 'InputError',
  'invalid-option': 'InputError',
  'invalid-input': 'InputError',
  'unsafe-resource': 'InputError',
  'package-missing': 'InputError',
  'node-only': 'InputError',
  'too-large': 'LimitError',
  'text-truncated': 'LimitError',
  'font-unreadable': 'FontError',
  'glyphs-missing': 'FontError',
  'script-unsupported': 'FontError',
  'fonts-not-found': 'FontError',
  'font-too-large': 'FontError',
  'worker-font-missing': 'FontError',
  'template-failed': 'RenderError',
  'layout-failed': 'RenderError',
  'raster-failed': 'RenderError',
  'compress-failed': 'RenderError',
  'wasm-failed': 'RenderError',
  'card-failed': 'RenderError',
  'worker-template-missing': 'RenderError',
  'unsafe-path': 'OutputError',
  'out-not-folder': 'OutputError',
  'out-unwritable': 'OutputError',
  'out-locked': 'OutputError',
  'queue-unreachable': 'OutputError',
  'queue-busy': 'OutputError',
  scheme: 'FetchError',
  host: 'FetchError',
  address: 'FetchError',
  redirect: 'FetchError',
  status: 'FetchError',
  timeout: 'FetchError',
  size: 'FetchError',
  type: 'FetchError',
  pixels: 'FetchError',
  aborted: 'FetchError',
  network: 'FetchError',
} as const;

/** What went wrong, as a stable string; one per situation (see `ERROR_CODES`). */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Why a download was refused or failed (the codes of `FetchError`). */
export type FetchErrorCode = { [C in ErrorCode]: (typeof ERROR_CODES)[C] extends 'FetchError' ? C : never }[ErrorCode];

/** The codes one class carries. */
type CodesOf<K extends string> = { [C in ErrorCode]: (typeof ERROR_CODES)[C] extends K ? C : never }[ErrorCode];

/** The facts an error carries besides its code and problem. */
export interface ErrorDetails {
  /** The option, field or input the error is about, e.g. "size.width". */
  field?: string;
  /** What is allowed, in words. */
  allowed?: string;
  /** What was received, already described for display (see `describe`). */
  received?: string;
  /** The underlying error, when one caused this. */
  cause?: unknown;
}

/** The one way messages are made: `<problem>. Allowed: <allowed>. Received: <received>.` */
export function errorMessage(problem: string, details: Pick<ErrorDetails, 'allowed' | 'received'> = {}): string {
  let message = /[.!?…]$/.test(problem) ? problem : `${problem}.`;
  if (details.allowed !== undefined) message += ` Allowed: ${details.allowed}.`;
  if (details.received !== undefined) message += ` Received: ${details.received}.`;
  return message;
}

const KINDS = Symbol.for('quotecard.error-kinds');

type ErrorClass = { readonly kind?: string } & (abstract new (...args: never[]) => unknown);

/** The `kind` of every quotecard class from `cls` up to QuoteCardError. */
function kindsOf(cls: unknown): readonly string[] {
  const kinds: string[] = [];
  for (let c = cls as ErrorClass | null; c && c !== Error; c = Object.getPrototypeOf(c)) {
    if (Object.hasOwn(c, 'kind') && typeof c.kind === 'string') kinds.push(c.kind);
  }
  return Object.freeze(kinds);
}

/** Base class of all errors quotecard throws. */
export class QuoteCardError extends Error {
  /** The class's name as the brand records it; survives minifiers and copies of the package. */
  static readonly kind: string = 'QuoteCardError';

  /** `error instanceof InputError` holds for errors made by any copy or build of quotecard. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of `instanceof` (InputError, a caller's own subclass…)
    // biome-ignore lint/complexity/noUselessThisAlias: named once for the three uses below
    const cls: ErrorClass = this;
    if (!Object.hasOwn(cls, 'kind')) return Function.prototype[Symbol.hasInstance].call(cls, value);
    if (typeof value !== 'object' || value === null) return false;
    const kinds = (value as { [KINDS]?: unknown })[KINDS];
    return Array.isArray(kinds) && kinds.includes(cls.kind);
  }

  override name = 'QuoteCardError';
  /** What went wrong, as a stable string (docs/errors.md). */
  readonly code: ErrorCode;
  /** The option, field or input the error is about. */
  readonly field?: string;
  /** What is allowed. */
  readonly allowed?: string;
  /** What was received. */
  readonly received?: string;

  constructor(code: ErrorCode, problem: string, details: ErrorDetails = {}) {
    super(errorMessage(problem, details), details.cause === undefined ? undefined : { cause: details.cause });
    Object.defineProperty(this, KINDS, { value: kindsOf(new.target) });
    this.code = code;
    if (details.field !== undefined) this.field = details.field;
    if (details.allowed !== undefined) this.allowed = details.allowed;
    if (details.received !== undefined) this.received = details.received;
  }
}

/** Bad input: an option, a quote, a post or an article that cannot be used as given. */
export class InputError extends QuoteCardError {
  static override readonly kind: string = 'InputError';
  override name = 'InputError';
  declare readonly code: CodesOf<'InputError'>;

  /** Only the codes of this class (see `ERROR_CODES`). */
  constructor(code: CodesOf<'InputError'>, problem: string, details?: ErrorDetails) {
    super(code, problem, details);
  }
}

/** A font that cannot be read, bundled fonts that are missing, or (with `strict`) text no font can draw. */
export class FontError extends QuoteCardError {
  static override readonly kind: string = 'FontError';
  override name = 'FontError';
  declare readonly code: CodesOf<'FontError'>;

  /** Only the codes of this class (see `ERROR_CODES`). */
  constructor(code: CodesOf<'FontError'>, problem: string, details?: ErrorDetails) {
    super(code, problem, details);
  }
}

/** Input past a limit that protects the process (size, pixels, length, depth), or text cut in strict mode. */
export class LimitError extends QuoteCardError {
  static override readonly kind: string = 'LimitError';
  override name = 'LimitError';
  declare readonly code: CodesOf<'LimitError'>;

  /** Only the codes of this class (see `ERROR_CODES`). */
  constructor(code: CodesOf<'LimitError'>, problem: string, details?: ErrorDetails) {
    super(code, problem, details);
  }
}

/** A template, satori, resvg or oxipng failed on input that passed validation. */
export class RenderError extends QuoteCardError {
  static override readonly kind: string = 'RenderError';
  override name = 'RenderError';
  declare readonly code: CodesOf<'RenderError'>;

  /** Only the codes of this class (see `ERROR_CODES`). */
  constructor(code: CodesOf<'RenderError'>, problem: string, details?: ErrorDetails) {
    super(code, problem, details);
  }
}

/** A file the batch would write that cannot be written where it was asked to be. */
export class OutputError extends QuoteCardError {
  static override readonly kind: string = 'OutputError';
  override name = 'OutputError';
  declare readonly code: CodesOf<'OutputError'>;

  /** Only the codes of this class (see `ERROR_CODES`). */
  constructor(code: CodesOf<'OutputError'>, problem: string, details?: ErrorDetails) {
    super(code, problem, details);
  }
}

/** A download that was refused or failed (`safeFetch`; `hydratePost` turns these into warnings). */
export class FetchError extends QuoteCardError {
  static override readonly kind: string = 'FetchError';
  override name = 'FetchError';
  declare readonly code: FetchErrorCode;
  /** The URL of the hop that failed. */
  readonly url: string;
  /** HTTP status, for `code: 'status'`. */
  readonly status?: number;

  constructor(code: FetchErrorCode, url: string, problem: string, details: ErrorDetails & { status?: number } = {}) {
    super(code, `Refused to fetch ${JSON.stringify(url.length > 120 ? `${url.slice(0, 120)}…` : url)}: ${problem}`, { field: 'url', ...details });
    this.url = url;
    if (details.status !== undefined) this.status = details.status;
  }
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
