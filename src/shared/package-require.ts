/**
 * `require` for the CommonJS packages quotecard loads (satori's CJS build, opentype.js, linebreak,
 * resvg-js) and for finding package files, from the ESM and the CJS build alike.
 *
 * Requiring them is cheaper than importing them from ESM: Node scans a CommonJS file imported from ESM
 * for its export names, which every process (and every batch worker) would pay at start-up.
 */
import { createRequire } from 'node:module';

let require: NodeJS.Require | undefined;

/** A `require` resolving from this package's own files. */
export function packageRequire(): NodeJS.Require {
  require ??= createRequire(import.meta.url);
  return require;
}
