/**
 * The one way quotecard checks what it is given. Each public entry declares its options (and each
 * record it takes: quotes, posts, articles) as rules built here; a rule knows what it allows, in words,
 * and checking a value either returns it with defaults filled in or throws the `InputError` naming the
 * option, what is allowed and what was received. The CLI checks its flags with the same rules, naming
 * them as flags.
 *
 * `undefined` is "not given" everywhere; `null` is a value like any other and is refused where it is
 * not allowed.
 */
import { describe, InputError, type QuoteCardError } from '../errors.js';

/** Where a value sits: `option "size.width"`, `field "quote.text"`, `argument "options"`. */
export class Place {
  #path: string | undefined;

  constructor(
    /** What kind of thing is checked, for the message. */
    readonly noun: 'option' | 'field' | 'argument' | 'article field',
    path: string,
    /** How a path is shown (the CLI shows options as flags). */
    readonly show: (path: string) => string = (p) => p,
    /** The place this one is inside, and its key or index there (the path is only built for a message). */
    private readonly parent?: Place,
    private readonly step?: string | number,
  ) {
    if (!parent) this.#path = path;
  }

  /** The place of `key` inside this one. */
  key(key: string): Place {
    return new Place(this.noun, '', this.show, this, key);
  }

  /** The place of item `index` inside this one. */
  index(index: number): Place {
    return new Place(this.noun, '', this.show, this, index);
  }

  /** Its path: "size.width", "fonts[0].data". */
  get path(): string {
    if (this.#path === undefined) {
      const base = this.parent?.path ?? '';
      this.#path = typeof this.step === 'number' ? `${base}[${this.step}]` : base ? `${base}.${this.step}` : `${this.step}`;
    }
    return this.#path;
  }

  /** The name as messages show it. */
  get name(): string {
    return this.show(this.path);
  }
}

/** A check for one value. */
export interface Rule<T> {
  /** What is allowed, in words: '"png" | "svg"', 'an integer from 1 to 4096'. */
  readonly allowed: string;
  /** The value, checked, with defaults filled in; throws a `QuoteCardError` naming `at`. */
  check(value: unknown, at: Place): T;
}

/** What a rule gives back. */
export type Checked<R> = R extends Rule<infer T> ? T : never;

/** The error for a value a rule does not allow. */
export function invalid(at: Place, allowed: string, value: unknown): InputError {
  return new InputError(at.noun === 'option' ? 'invalid-option' : 'invalid-input', `Invalid value for ${at.noun} "${at.name}"`, {
    field: at.path,
    allowed,
    received: describe(value),
  });
}

/** A rule from what it allows and a test; the value passes unchanged. */
export function rule<T>(allowed: string, test: (value: unknown) => boolean): Rule<T> {
  return {
    allowed,
    check(value, at) {
      if (!test(value)) throw invalid(at, allowed, value);
      return value as T;
    },
  };
}

/** A rule that turns the value into something else, or throws through `fail` (or its own QuoteCardError). */
export function convert<T>(allowed: string, to: (value: unknown, at: Place, fail: () => QuoteCardError) => T): Rule<T> {
  return {
    allowed,
    check(value, at) {
      return to(value, at, () => invalid(at, allowed, value));
    },
  };
}

/** Any string. */
export const string = (allowed = 'a string'): Rule<string> => rule(allowed, (v) => typeof v === 'string');

/** A string with something in it other than spaces; returned trimmed. */
export const text = (allowed = 'a non-empty string', maxLength = Number.POSITIVE_INFINITY): Rule<string> =>
  convert(allowed, (v, _at, fail) => {
    // the length first: a 10 MB name is refused without trimming or reading it
    if (typeof v !== 'string' || v.length > maxLength || !v.trim()) throw fail();
    return v.trim();
  });

/** true or false. */
export const boolean = (): Rule<boolean> => rule('true | false', (v) => typeof v === 'boolean');

/** A whole number from `min` to `max`. */
export function integer(min: number, max = Number.MAX_SAFE_INTEGER, allowed?: string): Rule<number> {
  const words = allowed ?? (max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`);
  return rule(words, (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max);
}

/** A finite number from `min` to `max` (`min` itself excluded when `above`). */
export function number(min: number, max: number, allowed: string, above = false): Rule<number> {
  return rule(allowed, (v) => typeof v === 'number' && Number.isFinite(v) && (above ? v > min : v >= min) && v <= max);
}

/** One of a few literal strings. */
export function oneOf<const T extends string>(values: readonly T[]): Rule<T> {
  return rule(
    values.map((v) => `"${v}"`).join(' | '),
    (v) => typeof v === 'string' && (values as readonly string[]).includes(v),
  );
}

/** A function. */
export const func = <F>(allowed: string): Rule<F> => rule(allowed, (v) => typeof v === 'function');

/** An instance of a built-in class (Uint8Array, AbortSignal, …). */
export function instance<T>(type: abstract new (...args: never[]) => T, allowed: string): Rule<T> {
  return rule(allowed, (v) => v instanceof type);
}

/** Any value at all (for values checked where they are used, such as a template's own props). */
export const anything = <T = unknown>(): Rule<T> => ({ allowed: 'anything', check: (v) => v as T });

/** `rule`, or `fallback` when the value is undefined. */
export function optional<T>(inner: Rule<T>): Rule<T | undefined>;
export function optional<T>(inner: Rule<T>, fallback: T | (() => T)): Rule<T>;
export function optional<T>(inner: Rule<T>, fallback?: T | (() => T)): Rule<T | undefined> {
  return {
    allowed: inner.allowed,
    check(value, at) {
      if (value !== undefined) return inner.check(value, at);
      return typeof fallback === 'function' ? (fallback as () => T)() : fallback;
    },
  };
}

/** An array (a copy) whose items each pass `item`. */
export function array<T>(item: Rule<T>, allowed = `an array of ${item.allowed}`, min = 0): Rule<T[]> {
  return {
    allowed,
    check(value, at) {
      if (!Array.isArray(value) || value.length < min) throw invalid(at, allowed, value);
      return value.map((v, i) => item.check(v, at.index(i)));
    },
  };
}

/** One value or a non-empty array of them, always given back as an array. */
export function oneOrMany<T>(item: Rule<T>, allowed = `${item.allowed}, or a non-empty array of them`): Rule<T[]> {
  return {
    allowed,
    check(value, at) {
      if (!Array.isArray(value)) return [item.check(value, at)];
      if (value.length === 0) throw invalid(at, allowed, value);
      return value.map((v, i) => item.check(v, at.index(i)));
    },
  };
}

/** The first rule whose `when` matches the value; `allowed` when none does. */
export function either<T>(allowed: string, ...choices: Array<[when: (value: unknown) => boolean, then: Rule<T>]>): Rule<T> {
  return {
    allowed,
    check(value, at) {
      for (const [when, then] of choices) if (when(value)) return then.check(value, at);
      throw invalid(at, allowed, value);
    },
  };
}

/** True for `{}`-like objects: not arrays, class instances or objects with a tampered prototype. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The rules of an object's keys. */
export type Shape = Record<string, Rule<unknown>>;

/** What an object rule gives back: each key as its rule gives it. */
export type ShapeOf<S extends Shape> = { [K in keyof S]: Checked<S[K]> };

/** A rule for a plain object. */
export interface ObjectRule<S extends Shape> extends Rule<ShapeOf<S>> {
  readonly shape: S;
  /** The same object with more keys (or some keys' rules replaced). */
  extend<E extends Shape>(more: E, allowed?: string): ObjectRule<Omit<S, keyof E> & E>;
}

/**
 * A plain object with the keys of `shape`. Keys not in it are an `unknown-option` error (`__proto__`
 * and `constructor` included), unless `rest` is 'keep' (records such as quotes, which may carry
 * fields of the caller's own): those are then copied as they are.
 */
export function object<S extends Shape>(shape: S, allowed: string, rest: 'refuse' | 'keep' = 'refuse'): ObjectRule<S> {
  const keys = Object.keys(shape);
  const list = keys.map((k) => `"${k}"`).join(', ');
  return {
    allowed,
    shape,
    extend: (more, wider) => object({ ...shape, ...more } as never, wider ?? allowed, rest),
    check(value, at) {
      if (!isPlainObject(value)) throw invalid(at, allowed, value);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (Object.hasOwn(shape, key)) continue;
        if (rest === 'keep') {
          out[key] = value[key];
          continue;
        }
        const what = at.path ? `key "${key}" in ${at.noun} "${at.name}"` : `${at.noun} "${at.show(key)}"`;
        const code = at.noun === 'option' ? 'unknown-option' : 'invalid-input';
        throw new InputError(code, `Unknown ${what}`, { field: at.key(key).path, allowed: list, received: describe(key) });
      }
      for (const key of keys) {
        const checked = (shape[key] as Rule<unknown>).check(value[key], at.key(key));
        if (checked !== undefined) out[key] = checked;
      }
      return out as ShapeOf<S>;
    },
  };
}

/** Check a function's trailing options argument: `undefined` is `{}`, anything else must pass `rule`. */
export function checkOptions<T>(rule: Rule<T>, options: unknown, show?: (path: string) => string): T {
  if (options !== undefined && !isPlainObject(options)) throw notOptions(rule.allowed, options);
  return rule.check(options ?? {}, new Place('option', '', show));
}

/** The error for an options argument that is not an options object at all. */
export function notOptions(allowed: string, value: unknown): InputError {
  return new InputError('invalid-option', 'Invalid value for argument "options"', { field: 'options', allowed, received: describe(value) });
}
