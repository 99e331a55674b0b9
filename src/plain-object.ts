/**
 * Checks shared by every options object and input record the library takes: plain objects only
 * (no class instances, no tampered prototypes) and no keys beyond the documented ones.
 */
import { InputError, describe } from './errors.js';

/** True for `{}`-like objects: not arrays, class instances or objects with a tampered prototype. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Reject keys not in `allowed`, `__proto__` and `constructor` included, naming the first offender:
 * `Unknown option "x"` for top-level options, `Unknown key "x" in option "fonts[0]"` when `at` names the
 * option the object sits in (the error's field is then `fonts[0].x`).
 */
export function rejectUnknownKeys(value: Record<string, unknown>, allowed: readonly string[], where = 'option', at?: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      const list = allowed.map((k) => `"${k}"`).join(', ');
      const what = at === undefined ? `${where} "${key}"` : `key "${key}" in option "${at}"`;
      throw new InputError(`Unknown ${what}. Allowed: ${list}. Received: ${describe(key)}.`, {
        field: at === undefined ? key : `${at}.${key}`,
        allowed: list,
        received: describe(key),
      });
    }
  }
}
