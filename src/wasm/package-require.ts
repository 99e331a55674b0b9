/**
 * The WebAssembly build's stand-in for src/shared/package-require.ts (tsup.config.ts resolves it here):
 * the CommonJS packages the pipeline requires by name in Node are imported as ES modules, so bundlers
 * for Workers and browsers see them. Nothing is resolved by path: there is no file system.
 */
import * as opentype from '@shuding/opentype.js';
import linebreak from 'linebreak';
import { InputError } from '../errors.js';

const MODULES: Record<string, unknown> = {
  '@shuding/opentype.js': opentype,
  linebreak,
};

function notHere(id: string): InputError {
  return new InputError('node-only', `"${id}" is not loaded by quotecard/wasm`, {
    field: 'package',
    allowed: Object.keys(MODULES).join(', '),
    received: id,
  });
}

interface PackageRequire {
  (id: string): unknown;
  resolve(id: string): string;
}

const require: PackageRequire = Object.assign(
  (id: string) => {
    if (!(id in MODULES)) throw notHere(id);
    return MODULES[id];
  },
  {
    resolve: (id: string): string => {
      throw notHere(id);
    },
  },
);

/** A `require` for the packages the WebAssembly build imports. */
export function packageRequire(): PackageRequire {
  return require;
}
