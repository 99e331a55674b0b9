/**
 * Content fingerprints for the incremental cache and the short hash in file names: a SHA-256 over a
 * stable JSON form of the value (keys sorted, bytes replaced by their own digest, functions refused).
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';

/** What the batch cannot hash: its inputs and options are data, never functions or endless nesting. */
function unhashable(received: string): InputError {
  return new InputError('invalid-input', 'A batch input or option cannot be fingerprinted', {
    field: 'inputs',
    allowed: 'strings, numbers, booleans, bytes, arrays and plain objects, at most 64 levels deep',
    received,
  });
}

/** SHA-256 of `value`'s stable form, as 64 hex digits. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

/** SHA-256 of raw bytes or a string, as 64 hex digits. */
export function digest(data: Uint8Array | ArrayBuffer | string): string {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * JSON with object keys sorted at every depth, `undefined` fields left out and byte arrays written as
 * `{"$bytes": "<sha256>"}`, so equal values give equal text whatever order their keys were set in.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(normalize(value, 0));
}

function normalize(value: unknown, depth: number): unknown {
  if (depth > 64) throw unhashable('a value nested more than 64 levels deep');
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value === undefined) return undefined;
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return { $bytes: digest(value) };
  if (ArrayBuffer.isView(value)) return { $bytes: digest(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  if (Array.isArray(value)) return value.map((v) => normalize(v, depth + 1) ?? null);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = normalize((value as Record<string, unknown>)[key], depth + 1);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  throw unhashable(`a ${typeof value}`);
}
