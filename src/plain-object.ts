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

/** Reject keys not in `allowed`, `__proto__` and `constructor` included, naming the first offender. */
export function rejectUnknownKeys(value: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      const list = allowed.map((k) => `"${k}"`).join(', ');
      throw new InputError(`Unknown ${where} "${key}". Allowed: ${list}. Received: ${describe(key)}.`, {
        field: key,
        allowed: list,
        received: describe(key),
      });
    }
  }
}
